import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type TokenVerifier, createTokenVerifier } from '@arende/auth';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { type GatewayOptions, startGateway } from '../../src/boot.js';
import { DEFAULT_HARDENING, type HardeningOptions } from '../../src/http/hardening.js';

// Headers, CORS, rate limits and error bodies of the gateway, with a real issuer and NATS but no case-core.
const EXPLODING_TOKEN = 'explode';
const WEB_ORIGIN = 'http://localhost:5173';

let issuer: LocalIssuer;
let ctx: TestContext;
const apps: NestFastifyApplication[] = [];

async function gateway(hardening: HardeningOptions): Promise<string> {
  const real = createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' });
  // A verifier that fails like a bug would, with a stack full of internals, for one token.
  const verifier: TokenVerifier = {
    ...real,
    verify: (token) => {
      if (token === EXPLODING_TOKEN) throw new Error('boom in /srv/secret/path.ts');
      return real.verify(token);
    },
  };
  const metrics = createMetrics('gateway');
  const options: GatewayOptions = {
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 500 }),
    verifier,
    metrics,
    ops: createOpsHandler({ metrics, readiness: [] }),
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
    hardening,
  };
  const app = await startGateway(options);
  apps.push(app);
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

let base: string;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  base = await gateway(DEFAULT_HARDENING);
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await ctx?.close();
  await issuer?.close();
});

describe('security headers', () => {
  it('a JSON answer carries a CSP that allows nothing, and helmet’s headers', async () => {
    const response = await fetch(`${base}/api/v1/cases/2026-000001`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('the Swagger UI page gets a CSP that lets its own scripts and styles run', async () => {
    const page = await fetch(`${base}/api/docs`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    // Every script the page loads is its own (no inline script, which the CSP would block).
    const html = await page.text();
    expect(html).not.toMatch(/<script>/);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect((await fetch(new URL(src, `${base}/api/docs/`))).status).toBe(200);
    }
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin, without credentials, cached for 10 minutes', async () => {
    const response = await fetch(`${base}/api/v1/cases`, {
      method: 'OPTIONS',
      headers: {
        origin: WEB_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives another origin no CORS headers, so the browser refuses', async () => {
    const preflight = await fetch(`${base}/api/v1/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${base}/health/live`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${base}/health/live`, { headers: { origin: WEB_ORIGIN } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
  });
});

describe('errors', () => {
  it('an internal error answers 500 INTERNAL without a stack or the message', async () => {
    const response = await fetch(`${base}/api/v1/cases/2026-000001`, {
      headers: { authorization: `Bearer ${EXPLODING_TOKEN}` },
    });
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['code', 'correlationId', 'message']);
    expect(body.code).toBe('INTERNAL');
    expect(text).not.toMatch(/boom|secret|stack|\.ts|\bat /);
  });
});

describe('rate limits', () => {
  let strict: string;

  beforeAll(async () => {
    strict = await gateway({ corsOrigins: [WEB_ORIGIN], rateLimitPerMinute: 3, anonymousRateLimitPerMinute: 2 });
  });

  it('limits each token subject on its own and answers 429 REQUEST.RATE_LIMITED with Retry-After', async () => {
    const anna = await issuer.tokenFor('anna');
    const bertil = await issuer.tokenFor('bertil');
    const get = (token: string) =>
      fetch(`${strict}/api/v1/cases/2026-000001`, {
        headers: { authorization: `Bearer ${token}`, origin: WEB_ORIGIN },
      });
    // No case-core here: an admitted request is a 503.
    for (let i = 0; i < 3; i++) expect((await get(anna)).status).toBe(503);
    const limited = await get(anna);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(await limited.json()).toMatchObject({
      code: 'REQUEST.RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) as unknown },
    });
    expect((await get(bertil)).status).toBe(503);
  });

  it('limits unauthenticated calls and bad tokens by address, public routes included', async () => {
    const statuses: number[] = [];
    for (const headers of [{}, { authorization: 'Bearer not.a.token' }, {}]) {
      statuses.push((await fetch(`${strict}/health/live`, { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
