import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A private RS256 signing key as a JWK (with `d`), `kid`, `alg` and `use` set. */
export type SigningJwk = JWK & { kid: string; alg: 'RS256'; use: 'sig' };

/** Generates a fresh RS256 signing key. */
export async function generateSigningKey(): Promise<SigningJwk> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function isSigningJwk(value: unknown): value is SigningJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'RSA' && typeof jwk.d === 'string' && typeof jwk.kid === 'string' && jwk.alg === 'RS256';
}

/**
 * Reads the signing key from `file`, or generates one and writes it there (mode 0600),
 * so that tokens stay valid across restarts of the local issuer.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningJwk> {
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isSigningJwk(parsed)) throw new Error(`${file} does not hold an RS256 private JWK`);
    return parsed;
  }
  const key = await generateSigningKey();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(key, null, 2) + '\n', { mode: 0o600 });
  return key;
}
