import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import {
  type Actor,
  DomainError,
  type QuarantinedMessageView,
  getQuarantinedV1,
  listQuarantineV1,
  reprocessQuarantinedV1,
} from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's quarantine routes, with a stand-in for intake that records what reached it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
const received: Array<{ subject: string; data: unknown; actor: Actor }> = [];

const KNOWN = '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e74';
const VIEW: QuarantinedMessageView = {
  id: KNOWN,
  channel: 'email',
  status: 'quarantined',
  reason: 'ZodError: subject too long',
  receivedAt: '2026-11-23T09:15:01.000Z',
  rawBlobKey: `intake/2026/11/23/${KNOWN}/raw.eml`,
  rawSize: 2048,
  envelope: { mailFrom: 'x@example.se', rcptTo: ['kundtjanst@kommun.se'] },
  reprocessedAt: null,
  reprocessedBy: null,
  attempts: 0,
};

function known(id: string): void {
  if (id !== KNOWN) throw new DomainError('INTAKE.QUARANTINE_NOT_FOUND', `No quarantined message ${id}`);
}

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'intake-stub', logger })
    .handle(listQuarantineV1, (data, { actor }) => {
      received.push({ subject: listQuarantineV1.subject, data, actor });
      return Promise.resolve({ items: [VIEW], nextCursor: null });
    })
    .handle(getQuarantinedV1, (data, { actor }) => {
      received.push({ subject: getQuarantinedV1.subject, data, actor });
      known(data.id);
      return Promise.resolve({ ...VIEW, rawExcerpt: 'Subject: lång' });
    })
    .handle(reprocessQuarantinedV1, (data, { actor }) => {
      received.push({ subject: reprocessQuarantinedV1.subject, data, actor });
      known(data.id);
      return Promise.resolve({
        outcome: 'accepted' as const,
        reason: null,
        message: { ...VIEW, status: 'reprocessed' as const, reprocessedBy: actor.id, attempts: 1 },
      });
    });
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, token?: string) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, { method, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ROUTE = '/api/v1/admin/intake/quarantine';

describe('admin quarantine routes', () => {
  it('lists with the query typed as the contract says, as the admin who asked', async () => {
    const token = await issuer.tokenFor('david');
    const response = await call('GET', `${ROUTE}?status=quarantined&channel=email&limit=20&cursor=abc`, token);
    expect(response).toMatchObject({ status: 200, body: { items: [VIEW], nextCursor: null } });
    expect(received.at(-1)).toMatchObject({
      subject: listQuarantineV1.subject,
      data: { status: 'quarantined', channel: 'email', limit: 20, cursor: 'abc' },
      actor: { kind: 'staff', roles: expect.arrayContaining(['admin']) as unknown },
    });
    await call('GET', ROUTE, token);
    expect(received.at(-1)?.data).toEqual({ limit: 50 });
  });

  it('shows one message and re-processes it', async () => {
    const token = await issuer.tokenFor('david');
    expect(await call('GET', `${ROUTE}/${KNOWN}`, token)).toMatchObject({
      status: 200,
      body: { id: KNOWN, rawExcerpt: 'Subject: lång' },
    });
    const reprocessed = await call('POST', `${ROUTE}/${KNOWN}/reprocess`, token);
    expect(reprocessed).toMatchObject({
      status: 200,
      body: { outcome: 'accepted', message: { status: 'reprocessed', attempts: 1 } },
    });
    expect(received.at(-1)).toMatchObject({ subject: reprocessQuarantinedV1.subject, data: { id: KNOWN } });
  });

  it('answers 404 INTAKE.QUARANTINE_NOT_FOUND from intake as it is', async () => {
    const token = await issuer.tokenFor('david');
    const other = '01935c4e-7f6a-7b3c-9d2e-000000000001';
    expect(await call('GET', `${ROUTE}/${other}`, token)).toMatchObject({
      status: 404,
      body: { code: 'INTAKE.QUARANTINE_NOT_FOUND' },
    });
    expect(await call('POST', `${ROUTE}/${other}/reprocess`, token)).toMatchObject({
      status: 404,
      body: { code: 'INTAKE.QUARANTINE_NOT_FOUND' },
    });
  });

  it('refuses a bad id, status or limit with REQUEST.INVALID before anything is sent on', async () => {
    const token = await issuer.tokenFor('david');
    const before = received.length;
    expect(await call('GET', `${ROUTE}/not-a-uuid`, token)).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await call('POST', `${ROUTE}/not-a-uuid/reprocess`, token)).toMatchObject({ status: 400 });
    expect(await call('GET', `${ROUTE}?status=lost`, token)).toMatchObject({ status: 400 });
    expect(await call('GET', `${ROUTE}?limit=500`, token)).toMatchObject({ status: 400 });
    expect(received.length).toBe(before);
  });

  it('refuses everyone but admins with 403 AUTH.FORBIDDEN, and no token with 401', async () => {
    const before = received.length;
    for (const user of ['anna', 'cecilia', 'elin', 'rut']) {
      const token = await issuer.tokenFor(user);
      for (const [method, path] of [
        ['GET', ROUTE],
        ['GET', `${ROUTE}/${KNOWN}`],
        ['POST', `${ROUTE}/${KNOWN}/reprocess`],
      ]) {
        expect({ user, method, path, ...(await call(method, path, token)) }).toMatchObject({
          status: 403,
          body: { code: 'AUTH.FORBIDDEN' },
        });
      }
    }
    expect(await call('GET', ROUTE)).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
    expect(received.length).toBe(before);
  });
});
