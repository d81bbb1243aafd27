import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { createTokenVerifier } from '@arende/auth';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { startGateway } from '../../src/boot.js';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/auth/roles.decorator.js';

// The gateway alone, with a real issuer and real NATS but no case-core behind it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let base: string;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  const metrics = createMetrics('gateway');
  app = await startGateway({
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 500 }),
    verifier: createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' }),
    metrics,
    ops: createOpsHandler({
      metrics,
      readiness: [{ name: 'nats', check: () => ctx.nc.flush() }],
    }),
    logger,
    host: '127.0.0.1',
    port: 0,
  });
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('routes', () => {
  it('every route of every controller declares its roles or @Public()', () => {
    const reflector = new Reflector();
    const scanner = new MetadataScanner();
    const controllers = app.get(ModulesContainer).values();
    const undeclared: string[] = [];
    let checked = 0;
    for (const module of controllers) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as new (...args: never[]) => object;
        const prototype = controller.prototype as Record<string, () => unknown>;
        for (const name of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name];
          const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, [handler, controller]);
          const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, [handler, controller]);
          checked++;
          if (!isPublic && (!roles || roles.length === 0)) undeclared.push(`${controller.name}.${name}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(8);
    expect(undeclared).toEqual([]);
  });
});

describe('the edge', () => {
  it('401 without a token and with a token for another audience', async () => {
    expect(await call('GET', '/api/v1/cases/2026-000001')).toMatchObject({
      status: 401,
      body: { code: 'AUTH.UNAUTHENTICATED' },
    });
    const portalToken = await issuer.tokenFor('sara', { audience: 'portal' });
    expect(await call('GET', '/api/v1/cases/2026-000001', portalToken)).toMatchObject({
      status: 401,
      body: { code: 'AUTH.UNAUTHENTICATED' },
    });
  });

  it('403 for a contractor on a staff route', async () => {
    const token = await issuer.tokenFor('fredrik', { audience: 'gateway' });
    const response = await call('PATCH', '/api/v1/cases/2026-000001', token, { version: 1, changes: {} });
    expect(response).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });

  it('400 with field paths before anything is sent on', async () => {
    const token = await issuer.tokenFor('anna');
    const response = await call('POST', '/api/v1/cases', token, { title: 'x'.repeat(301), secret: 'yes' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
    const paths = (response.body.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path).sort();
    expect(paths).toEqual(['secret', 'title']);
  });

  it('413 for a body over the limit', async () => {
    const token = await issuer.tokenFor('anna');
    const response = await call('POST', '/api/v1/cases', token, { title: 'x', description: 'å'.repeat(600_000) });
    expect(response).toMatchObject({ status: 413, body: { code: 'REQUEST.TOO_LARGE' } });
  });

  it('503 SERVICE.UNAVAILABLE when no case-core answers', async () => {
    const token = await issuer.tokenFor('anna');
    const response = await call('GET', '/api/v1/cases/2026-000001', token);
    expect(response).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
    expect(typeof response.body.correlationId).toBe('string');
  });

  it('answers readiness from its own NATS connection', async () => {
    expect(await call('GET', '/health/ready')).toMatchObject({ status: 200 });
  });

  it('counts requests by route pattern and status in /metrics', async () => {
    const token = await issuer.tokenFor('anna');
    await call('GET', '/api/v1/cases/2026-000777', token);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/cases\/:number"[^}]*status="503"[^}]*\} [1-9]/,
    );
    expect(text).not.toContain('2026-000777');
  });
});

describe('bodies fastify refuses before a route runs', () => {
  it('400 REQUEST.INVALID for broken JSON and 415 for a body that is not JSON', async () => {
    const token = await issuer.tokenFor('anna');
    const broken = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'REQUEST.INVALID' });
    const text = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });
});
