import { randomUUID } from 'node:crypto';
import { callAnsweredV1 } from '@arende/contracts';
import { type WebhookTestContext, createWebhookTestContext } from './webhook-context.js';

let ctx: WebhookTestContext;

beforeAll(async () => {
  ctx = await createWebhookTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

function callId(): string {
  return `c-${randomUUID()}`;
}

async function post(body: unknown, token: string | null = ctx.secrets.telephonyToken): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(ctx.url('/webhooks/telephony/call-answered'), {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function call(id: string, overrides: Record<string, unknown> = {}) {
  return {
    callId: id,
    aNumber: '+46701234567',
    bNumber: '+4687342000',
    answerGroup: 'Äldreomsorg',
    queue: { name: 'kundtjänst', waitedSeconds: 42, position: 3 },
    agent: 'anna',
    answeredAt: '2026-11-23T10:15:00+01:00',
    ...overrides,
  };
}

async function rowsFor(id: string) {
  return (await ctx.inbound('telephony')).filter((row) => row.message_id === `telephony:${id}`);
}

describe('Telephony hand-over', () => {
  it('takes an answered call: 202 with the intake id, the row, and the event for the agent', async () => {
    const id = callId();
    const response = await post(call(id));
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { intakeId: string; receivedAt: string };
    const rows = await rowsFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: answer.intakeId, from_address: '+46701234567', rcpt_to: ['+4687342000'] });
    expect(new Date(answer.receivedAt).getTime()).not.toBeNaN();

    const event = await ctx.published(callAnsweredV1, (data) => data.callId === id);
    expect(event).toEqual({
      intakeId: answer.intakeId,
      callId: id,
      aNumber: '+46701234567',
      bNumber: '+4687342000',
      answerGroup: 'Äldreomsorg',
      queue: { name: 'kundtjänst', waitedSeconds: 42, position: 3 },
      agentUsername: 'anna',
      answeredAt: '2026-11-23T09:15:00.000Z',
    });
  });

  it.each([null, 'anonymous', 'Anonymous', ''])('takes A-number %p as withheld', async (aNumber) => {
    const id = callId();
    expect((await post(call(id, { aNumber }))).status).toBe(202);
    const event = await ctx.published(callAnsweredV1, (data) => data.callId === id);
    expect(event.aNumber).toBeNull();
  });

  it('takes a minimal hand-over (call id and agent) with the rest unknown', async () => {
    const id = callId();
    expect((await post({ callId: id, agent: 'bengt' })).status).toBe(202);
    const event = await ctx.published(callAnsweredV1, (data) => data.callId === id);
    expect(event).toMatchObject({
      aNumber: null,
      bNumber: null,
      answerGroup: null,
      queue: { name: null, waitedSeconds: null, position: null },
      agentUsername: 'bengt',
    });
  });

  it('applies a repeated hand-over of the same call once, answering with the first intake id', async () => {
    const id = callId();
    const first = (await (await post(call(id))).json()) as { intakeId: string };
    const second = await post(call(id));
    expect(second.status).toBe(202);
    expect(((await second.json()) as { intakeId: string }).intakeId).toBe(first.intakeId);
    expect(await rowsFor(id)).toHaveLength(1);
    expect((await ctx.outboxData(callAnsweredV1)).filter((data) => data.callId === id)).toHaveLength(1);
  });

  it.each([
    ['a wrong token', () => `${ctx.secrets.telephonyToken}x`],
    ['no token', () => null],
  ])('answers 401 AUTH.UNAUTHENTICATED to %s and stores nothing', async (_name, token) => {
    const id = callId();
    const response = await post(call(id), token());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(await rowsFor(id)).toHaveLength(0);
  });

  it('answers 400 REQUEST.INVALID with the field paths to a hand-over that does not fit, and stores nothing', async () => {
    const id = callId();
    const response = await post(call(id, { agent: '', queue: { waitedSeconds: -1 } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { fields: { path: string }[] } };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.details.fields.map((f) => f.path).sort()).toEqual(['agent', 'queue.waitedSeconds']);
    expect(await rowsFor(id)).toHaveLength(0);
    expect(await ctx.quarantined('telephony')).toEqual([]);
  });

  it('answers 400 to a body that is not JSON and 415 to another media type', async () => {
    expect((await post('{"callId":')).status).toBe(400);
    const response = await fetch(ctx.url('/webhooks/telephony/call-answered'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${ctx.secrets.telephonyToken}` },
      body: 'callId=1',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 413 REQUEST.TOO_LARGE to a body over the limit', async () => {
    const response = await post(call(callId(), { answerGroup: 'x'.repeat(32 * 1024) }));
    expect(response.status).toBe(413);
  });

  it('is not served (404) without its token', async () => {
    const off = await ctx.startServer({ telephony: null });
    const response = await fetch(`http://127.0.0.1:${off.port}/webhooks/telephony/call-answered`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.secrets.telephonyToken}` },
      body: JSON.stringify(call(callId())),
    });
    expect(response.status).toBe(404);
  });
});
