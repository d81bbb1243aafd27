import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { loadOrCreateSigningKey, startLocalIssuer } from '../src/index.js';

// A fresh connection: fetch's pool may still hold a socket the first issuer closed a moment ago.
function getJson(url: string): Promise<JSONWebKeySet> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as JSONWebKeySet));
      })
      .on('error', reject);
  });
}

describe('loadOrCreateSigningKey', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'issuer-key-'));
  const file = path.join(dir, 'nested', 'issuer-key.json');

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the key once, private to its owner, and reads the same key afterwards', async () => {
    const created = await loadOrCreateSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateSigningKey(file)).toEqual(created);
  });

  it('keeps tokens valid across a restart of the issuer on the same port', async () => {
    const keys = [await loadOrCreateSigningKey(file)];
    const first = await startLocalIssuer({ keys });
    const token = await first.tokenFor('anna');
    const port = Number(new URL(first.issuer).port);
    await first.close();

    const second = await startLocalIssuer({ keys, port });
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(await getJson(second.jwksUri)), {
        issuer: second.issuer,
        audience: 'gateway',
      });
      expect(payload.preferred_username).toBe('anna');
    } finally {
      await second.close();
    }
  });
});
