import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEMO_USERS, type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import {
  DomainError,
  acknowledgeCaseV1,
  exampleCase,
  markCustomerContactedV1,
  transitionCaseV1,
} from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's acknowledgement, customer-contact and close routes, with a stand-in for case-core that records
// what reached it and who asked.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
const reached: Array<{ subject: string; data: unknown; actor: string }> = [];
const subjectOf = (username: string) => DEMO_USERS.find((user) => user.username === username)?.subject;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'case-core-stub', logger });
  const at = '2026-11-23T10:02:00.000Z';
  stub.handle(acknowledgeCaseV1, (data, rc) => {
    reached.push({ subject: acknowledgeCaseV1.subject, data, actor: rc.actor.id });
    return Promise.resolve({ ...exampleCase, number: data.number, acknowledgedAt: at, acknowledgedBy: rc.actor.id });
  });
  stub.handle(markCustomerContactedV1, (data, rc) => {
    reached.push({ subject: markCustomerContactedV1.subject, data, actor: rc.actor.id });
    return Promise.resolve({ ...exampleCase, number: data.number, customerContactedAt: at });
  });
  stub.handle(transitionCaseV1, (data, rc) => {
    reached.push({ subject: transitionCaseV1.subject, data, actor: rc.actor.id });
    if (data.to === 'closed' && data.confirmUnanswered !== true) {
      return Promise.reject(
        new DomainError('CASE.CUSTOMER_NOT_ANSWERED', 'The customer wants an answer', {
          cases: [data.number],
          count: 1,
        }),
      );
    }
    return Promise.resolve({ ...exampleCase, number: data.number, status: data.to });
  });
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function post(path: string, as: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await issuer.tokenFor(as)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('acknowledge and customer-contacted routes', () => {
  it('lets a contractor and a case worker acknowledge, without a body, and answers the case', async () => {
    for (const as of ['fredrik', 'anna']) {
      const response = await post('/api/v1/cases/2026-000123/acknowledge', as);
      const actor = subjectOf(as);
      expect(response).toMatchObject({ status: 200, body: { number: '2026-000123', acknowledgedBy: actor } });
      expect(reached.at(-1)).toEqual({ subject: acknowledgeCaseV1.subject, data: { number: '2026-000123' }, actor });
    }
  });

  it('passes the note of a customer contact on, and takes no body as no note', async () => {
    const withNote = await post('/api/v1/cases/2026-000123/customer-contacted', 'fredrik', {
      note: '  Ringde kunden.  ',
    });
    expect(withNote).toMatchObject({ status: 200, body: { customerContactedAt: '2026-11-23T10:02:00.000Z' } });
    expect(reached.at(-1)?.data).toEqual({ number: '2026-000123', note: 'Ringde kunden.' });
    expect((await post('/api/v1/cases/2026-000123/customer-contacted', 'anna')).status).toBe(200);
    expect(reached.at(-1)?.data).toEqual({ number: '2026-000123' });
  });

  it('refuses a bad number, a bad note and a role without case access before case-core', async () => {
    const before = reached.length;
    expect(await post('/api/v1/cases/123/acknowledge', 'anna')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    const tooLong = await post('/api/v1/cases/2026-000123/customer-contacted', 'anna', { note: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID', details: { fields: [{ path: 'note' }] } },
    });
    for (const as of ['rut', 'sara']) {
      expect(await post('/api/v1/cases/2026-000123/acknowledge', as)).toMatchObject({
        status: 403,
        body: { code: 'AUTH.FORBIDDEN' },
      });
      expect((await post('/api/v1/cases/2026-000123/customer-contacted', as)).status).toBe(403);
    }
    expect(reached.length).toBe(before);
  });
});

describe('closing through the status route', () => {
  it("answers case-core's close warning with 409 CASE.CUSTOMER_NOT_ANSWERED and its details", async () => {
    const response = await post('/api/v1/cases/2026-000123/status', 'anna', { version: 2, to: 'closed' });
    expect(response).toMatchObject({
      status: 409,
      body: { code: 'CASE.CUSTOMER_NOT_ANSWERED', details: { cases: ['2026-000123'], count: 1 } },
    });
  });

  it('passes confirmUnanswered on and closes; refuses one that is not a boolean', async () => {
    const response = await post('/api/v1/cases/2026-000123/status', 'anna', {
      version: 2,
      to: 'closed',
      confirmUnanswered: true,
    });
    expect(response).toMatchObject({ status: 200, body: { status: 'closed' } });
    expect(reached.at(-1)?.data).toEqual({ number: '2026-000123', version: 2, to: 'closed', confirmUnanswered: true });
    const bad = await post('/api/v1/cases/2026-000123/status', 'anna', {
      version: 2,
      to: 'closed',
      confirmUnanswered: 'ja',
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
  });
});
