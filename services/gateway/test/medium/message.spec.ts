import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { DomainError, exampleCase, exampleMessage, getCaseV1, sendEmailV1 } from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The reply route, with stand-ins for case-core (who may see the case) and notifications (the queue).
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stubs: RpcServer[];
let base: string;
const sent: Array<{ input: unknown; actor: string }> = [];

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  const caseCore = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'case-core-stub', logger });
  caseCore.handle(getCaseV1, ({ number }) =>
    number === exampleCase.number
      ? Promise.resolve(exampleCase)
      : Promise.reject(new DomainError('CASE.NOT_FOUND', 'No such case')),
  );
  const notifications = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'notifications-stub', logger });
  notifications.handle(sendEmailV1, (input, rpc) => {
    sent.push({ input, actor: rpc.actor.id });
    return Promise.resolve({
      ...exampleMessage,
      recipient: input.to,
      subject: input.subject,
      status: 'queued' as const,
    });
  });
  stubs = [caseCore, notifications];
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  for (const stub of stubs ?? []) await stub.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function reply(number: string, body: unknown, as = 'anna') {
  const response = await fetch(`${base}/api/v1/cases/${number}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await issuer.tokenFor(as)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/v1/cases/{number}/messages', () => {
  it('queues the reply about the case, with the case title as subject when none is given', async () => {
    const response = await reply(exampleCase.number, { to: 'eva@example.se', text: 'Hej Eva!' });
    expect(response).toMatchObject({ status: 201, body: { recipient: 'eva@example.se', status: 'queued' } });
    expect(sent.at(-1)).toEqual({
      input: { to: 'eva@example.se', text: 'Hej Eva!', subject: exampleCase.title, caseNumber: exampleCase.number },
      actor: expect.any(String) as unknown,
    });
    await reply(exampleCase.number, { to: 'eva@example.se', text: 'Hej igen', subject: 'Om din fråga' });
    expect(sent.at(-1)?.input).toMatchObject({ subject: 'Om din fråga', caseNumber: exampleCase.number });
  });

  it('answers CASE.NOT_FOUND for a case the caller may not see, and sends nothing', async () => {
    const before = sent.length;
    const response = await reply('2026-000999', { to: 'eva@example.se', text: 'Hej' });
    expect(response).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    expect(sent).toHaveLength(before);
  });

  it('refuses a bad address, an empty text and a bad case number with REQUEST.INVALID', async () => {
    const before = sent.length;
    for (const [number, body] of [
      [exampleCase.number, { to: 'not an address', text: 'Hej' }],
      [exampleCase.number, { to: 'eva@example.se', text: '' }],
      ['123', { to: 'eva@example.se', text: 'Hej' }],
    ] as const) {
      const response = await reply(number, body);
      expect({ number, body, status: response.status, code: response.body.code }).toEqual({
        number,
        body,
        status: 400,
        code: 'REQUEST.INVALID',
      });
    }
    expect(sent).toHaveLength(before);
  });

  it('is for case workers only', async () => {
    expect((await reply(exampleCase.number, { to: 'eva@example.se', text: 'Hej' }, 'rut')).status).toBe(403);
  });
});
