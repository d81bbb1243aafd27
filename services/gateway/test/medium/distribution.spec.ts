import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { DomainError, distributeCasesV1, exampleCase, moveCaseV1 } from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's distribution routes, with a stand-in for case-core that records what reached it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
let token: string;
const distributed: unknown[] = [];

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'case-core-stub', logger });
  stub.handle(distributeCasesV1, (data) => {
    distributed.push(data);
    return Promise.resolve({ items: data.cases.map(({ number }) => ({ ...exampleCase, number })) });
  });
  stub.handle(moveCaseV1, () =>
    Promise.reject(new DomainError('CASE.NOT_ASSIGNEE', 'Only the handling officer may move it')),
  );
  ({ app, base } = await startStubbedGateway(ctx, issuer));
  token = await issuer.tokenFor('anna');
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function post(path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('distribution routes', () => {
  it('sends one case from the case card on as a distribution of that case and answers the case', async () => {
    const response = await post('/api/v1/cases/2026-000123/distribute', {
      version: 3,
      kind: 'external_party',
      inboxId: 'snorojning-ab',
      note: 'Plogning',
    });
    expect(response).toMatchObject({ status: 200, body: { number: '2026-000123' } });
    expect(distributed.at(-1)).toEqual({
      cases: [{ number: '2026-000123', version: 3 }],
      kind: 'external_party',
      inboxId: 'snorojning-ab',
      requiresFeedback: false,
      note: 'Plogning',
    });
  });

  it('refuses a distribution that does not fit its kind with 400 and the field paths, before case-core', async () => {
    const before = distributed.length;
    const noInbox = await post('/api/v1/cases/distribute', {
      cases: [{ number: '2026-000123', version: 1 }],
      kind: 'work_group',
    });
    expect(noInbox).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID', details: { fields: [{ path: 'inboxId' }] } },
    });
    const mailWithoutRecipients = await post('/api/v1/cases/2026-000123/distribute', {
      version: 1,
      kind: 'for_information',
      requiresFeedback: true,
    });
    expect(mailWithoutRecipients.status).toBe(400);
    const paths = (mailWithoutRecipients.body.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path);
    expect(paths.sort()).toEqual(['email', 'requiresFeedback']);
    const twice = await post('/api/v1/cases/distribute', {
      cases: [
        { number: '2026-000123', version: 1 },
        { number: '2026-000123', version: 1 },
      ],
      kind: 'work_group',
      inboxId: 'gatukontoret',
    });
    expect(twice).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    expect(distributed.length).toBe(before);
  });

  it("answers case-core's refusal of a move with its code and status", async () => {
    const response = await post('/api/v1/cases/2026-000123/move', { version: 1, inboxId: 'gatukontoret' });
    expect(response).toMatchObject({ status: 403, body: { code: 'CASE.NOT_ASSIGNEE' } });
  });
});
