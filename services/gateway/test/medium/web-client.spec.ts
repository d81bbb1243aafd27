import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTokenVerifier } from '@arende/auth';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { startGateway } from '../../src/boot.js';
import type { WebMapConfig } from '../../src/http/web-map.js';

// The gateway serving a built web client (a small stand-in build in a temporary directory) beside its API.
let issuer: LocalIssuer;
let ctx: TestContext;
let buildDir: string;
const apps: NestFastifyApplication[] = [];
const INDEX =
  '<!doctype html><html lang="sv"><title>Ärende</title><script type="module" src="/assets/index-abc123.js"></script></html>';
const SCRIPT = 'console.log("client");';

async function gateway(dir: string, logLines: string[] = [], map?: WebMapConfig): Promise<string> {
  const metrics = createMetrics('gateway');
  const app = await startGateway({
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 500 }),
    verifier: createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' }),
    metrics,
    ops: createOpsHandler({ metrics, readiness: [] }),
    logger: createLogger({
      service: 'gateway',
      level: 'info',
      destination: { write: (line: string) => void logLines.push(line) },
    }),
    host: '127.0.0.1',
    port: 0,
    web: { dir, issuerUrl: `${issuer.issuer}/`, clientId: 'arende-agent-web', ...(map ? { map } : {}) },
  });
  apps.push(app);
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

let base: string;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-web-'));
  fs.mkdirSync(path.join(buildDir, 'assets'));
  fs.writeFileSync(path.join(buildDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(buildDir, 'assets', 'index-abc123.js'), SCRIPT);
  base = await gateway(buildDir);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await ctx?.close();
  await issuer?.close();
  fs.rmSync(buildDir, { recursive: true, force: true });
});

describe('the agent web client', () => {
  it('is the page at /, revalidated on every load, with a CSP that lets it reach only itself and the issuer', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${issuer.issuer}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves hashed assets cached for a year', async () => {
    const response = await fetch(`${base}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(SCRIPT);
  });

  it('answers a deep link of the client with its page (the client routes itself)', async () => {
    for (const link of ['/cases/2026-000001', '/inboxes/kundtjanst', '/auth/callback?code=x&state=y']) {
      const response = await fetch(`${base}${link}`);
      expect({ link, status: response.status }).toEqual({ link, status: 200 });
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('leaves the API alone: an unknown API path is a JSON 404 and a known one still needs a token', async () => {
    const unknown = await fetch(`${base}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    expect(unknown.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    const missingAsset = await fetch(`${base}/health/nothing`);
    expect(missingAsset.status).toBe(404);
    const guarded = await fetch(`${base}/api/v1/cases/2026-000001`);
    expect(guarded.status).toBe(401);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('tells the client where to sign in', async () => {
    const response = await fetch(`${base}/web/config.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      issuerUrl: issuer.issuer,
      clientId: 'arende-agent-web',
      scope: 'openid profile email',
      map: { tileUrl: null, attribution: '', center: { lat: 59.36, lon: 17.99 }, zoom: 13 },
    });
  });

  it('tells the client its map tiles and lets the page load images from the tile server', async () => {
    const map: WebMapConfig = {
      tileUrl: 'http://tiles.solna.example:8081/{z}/{x}/{y}.png',
      attribution: '© Solna stad',
      center: { lat: 59.3625, lon: 18.0009 },
      zoom: 15,
    };
    const url = await gateway(buildDir, [], map);
    expect(((await (await fetch(`${url}/web/config.json`)).json()) as { map: unknown }).map).toEqual(map);
    const csp = (await fetch(`${url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data: https: http://tiles.solna.example:8081;");
    expect((await fetch(`${base}/`)).headers.get('content-security-policy')).toContain("img-src 'self' data: https:;");
  });

  it('starts without a build, says so, and still serves the API and the sign-in settings', async () => {
    const lines: string[] = [];
    const url = await gateway(path.join(buildDir, 'missing'), lines);
    expect(lines.join('')).toContain('agent web client not built');
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(404);
    expect(await page.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    expect((await fetch(`${url}/web/config.json`)).status).toBe(200);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});
