import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import {
  DomainError,
  type WatchView,
  createWatchV1,
  deleteWatchV1,
  exampleCase,
  getCaseV1,
  listWatchesV1,
} from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's watch routes, with stand-ins for case-core (who may see the case) and the SLA watcher.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stubs: RpcServer[];
let base: string;
const created: Array<{ input: unknown; actor: string }> = [];
const WATCH_ID = '01935c62-0a1b-7c2d-8e3f-4a5b6c7d8e9f';

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  const caseCore = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'case-core-stub', logger });
  caseCore.handle(getCaseV1, ({ number }) =>
    number === '2026-000123'
      ? Promise.resolve(exampleCase)
      : Promise.reject(new DomainError('CASE.NOT_FOUND', 'No such case')),
  );
  const sla = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'sla-watcher-stub', logger });
  const view = (input: { number: string; kind: WatchView['kind'] }, userId: string): WatchView => ({
    id: WATCH_ID,
    number: input.number,
    kind: input.kind,
    userId,
    comment: '',
    startAt: null,
    endAt: '2026-11-23T11:00:00.000Z',
    createdAt: '2026-11-23T08:00:00.000Z',
    firedAt: null,
    outcome: null,
  });
  sla
    .handle(createWatchV1, (input, rpc) => {
      created.push({ input, actor: rpc.actor.id });
      return Promise.resolve(view(input, rpc.actor.id));
    })
    .handle(listWatchesV1, (input, rpc) =>
      Promise.resolve({ items: [view({ number: input.number, kind: 'not_closed' }, rpc.actor.id)] }),
    )
    .handle(deleteWatchV1, ({ id }) =>
      id === WATCH_ID
        ? Promise.resolve({ id, deleted: true as const })
        : Promise.reject(new DomainError('SLA.WATCH_NOT_FOUND', 'You have no such watch on this case')),
    );
  stubs = [caseCore, sla];
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  for (const stub of stubs ?? []) await stub.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, body?: unknown, as = 'anna') {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await issuer.tokenFor(as)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('watch routes', () => {
  it('sets a watch for the caller on a case they may see, and answers 201 with its location', async () => {
    const response = await fetch(`${base}/api/v1/cases/2026-000123/watches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await issuer.tokenFor('anna')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'no_handler', endAt: '2026-11-23T12:00:00+01:00' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/cases/2026-000123/watches/${WATCH_ID}`);
    expect(created.at(-1)).toMatchObject({
      input: { number: '2026-000123', kind: 'no_handler', comment: '', endAt: '2026-11-23T12:00:00+01:00' },
    });
  });

  it('answers CASE.NOT_FOUND for a case the caller may not see, before asking the SLA watcher', async () => {
    const before = created.length;
    const response = await call('POST', '/api/v1/cases/2026-000999/watches', {
      kind: 'no_handler',
      endAt: '2026-11-23T12:00:00Z',
    });
    expect(response).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    expect(created).toHaveLength(before);
  });

  it('refuses a start on a point watch and a period that ends before it starts with REQUEST.INVALID', async () => {
    const point = await call('POST', '/api/v1/cases/2026-000123/watches', {
      kind: 'not_closed',
      startAt: '2026-11-23T08:00:00Z',
      endAt: '2026-11-23T12:00:00Z',
    });
    expect(point).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    const backwards = await call('POST', '/api/v1/cases/2026-000123/watches', {
      kind: 'case_changed',
      startAt: '2026-11-23T13:00:00Z',
      endAt: '2026-11-23T12:00:00Z',
    });
    expect(backwards).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
  });

  it('lists and deletes the caller’s watches; an unknown watch is 404', async () => {
    const listed = await call('GET', '/api/v1/cases/2026-000123/watches');
    expect(listed).toMatchObject({ status: 200, body: { items: [{ id: WATCH_ID, kind: 'not_closed' }] } });
    expect(await call('DELETE', `/api/v1/cases/2026-000123/watches/${WATCH_ID}`)).toMatchObject({
      status: 200,
      body: { id: WATCH_ID, deleted: true },
    });
    const unknown = await call('DELETE', '/api/v1/cases/2026-000123/watches/01935c62-0a1b-7c2d-8e3f-000000000000');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'SLA.WATCH_NOT_FOUND' } });
    expect(await call('DELETE', '/api/v1/cases/2026-000123/watches/not-a-uuid')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
  });
});
