import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Subscription } from '@nats-io/transport-node';
import { createTokenVerifier } from '@arende/auth';
import { exampleCase, getCaseV1, listSecretReadsV1 } from '@arende/contracts';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { startGateway } from '../../src/boot.js';

// The gateway with a stand-in for case-core that records what each request carried.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let base: string;
const received: Array<{ subject: string; body: Record<string, unknown> }> = [];
const subscriptions: Subscription[] = [];

function answer(subject: string, data: unknown): void {
  const sub = ctx.nc.subscribe(ctx.names.subject(subject), {
    callback: (_error, msg) => {
      received.push({ subject, body: msg.json<Record<string, unknown>>() });
      msg.respond(JSON.stringify({ ok: true, data }));
    },
  });
  subscriptions.push(sub);
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const metrics = createMetrics('gateway');
  answer(getCaseV1.subject, exampleCase);
  answer(listSecretReadsV1.subject, { items: [], nextCursor: null });
  await ctx.nc.flush();
  app = await startGateway({
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 2000 }),
    verifier: createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' }),
    metrics,
    ops: createOpsHandler({ metrics, readiness: [] }),
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
  });
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  for (const sub of subscriptions) sub.unsubscribe();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function get(path: string, username: string, headers: Record<string, string> = {}) {
  const token = await issuer.tokenFor(username, { audience: 'gateway' });
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('what the gateway sends to case-core', () => {
  it('carries the caller’s address and user agent as the origin, for the audit of secret reads', async () => {
    const response = await get('/api/v1/cases/2026-000123', 'anna', { 'user-agent': 'Ärende-webb/1.0' });
    expect(response.status).toBe(200);
    const last = received.at(-1)!;
    expect(last.subject).toBe(getCaseV1.subject);
    expect(last.body.origin).toEqual({ ip: '127.0.0.1', userAgent: 'Ärende-webb/1.0' });
    const actor = last.body.actor as { kind: string; groups: string[] };
    expect(actor.kind).toBe('staff');
    expect(actor.groups).toContain('/inbox/kundtjanst');
  });

  it('lets only admins read the secret-read audit log, passing the filters on', async () => {
    const agent = await get('/api/v1/audit/secret-reads', 'anna');
    expect(agent).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    const before = received.length;
    const admin = await get('/api/v1/audit/secret-reads?caseNumber=2026-000123&limit=5', 'david');
    expect(admin).toEqual({ status: 200, body: { items: [], nextCursor: null } });
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)).toMatchObject({
      subject: listSecretReadsV1.subject,
      body: { data: { caseNumber: '2026-000123', limit: 5 } },
    });
    const bad = await get('/api/v1/audit/secret-reads?caseNumber=nope', 'david');
    expect(bad).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
  });
});
