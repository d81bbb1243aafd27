import { randomUUID } from 'node:crypto';
import { smsReceivedV1 } from '@arende/contracts';
import { type WebhookTestContext, basic, createWebhookTestContext } from './webhook-context.js';

let ctx: WebhookTestContext;

beforeAll(async () => {
  ctx = await createWebhookTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

const SWEDISH = 'Hej! Soptunnan på Ekvägen 4 har inte tömts sedan i måndags 🗑️😤 Åsa Öberg';

function elksId(): string {
  return `s${randomUUID().replaceAll('-', '')}`;
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function post(
  body: string,
  { contentType = 'application/x-www-form-urlencoded', auth }: { contentType?: string; auth?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType };
  const authorization = auth === undefined ? basic(ctx.secrets.smsUser, ctx.secrets.smsPassword) : auth;
  if (authorization !== null) headers.authorization = authorization;
  return fetch(ctx.url('/webhooks/sms/46elks'), { method: 'POST', headers, body });
}

async function rowsFor(id: string) {
  return (await ctx.inbound('sms')).filter((row) => row.message_id === `sms:46elks:${id}`);
}

describe('SMS webhook (46elks)', () => {
  it('takes a form-encoded SMS: 200 with an empty body, the row, the raw payload and the event with Swedish text and emoji', async () => {
    const id = elksId();
    const response = await post(
      form({
        direction: 'incoming',
        id,
        from: '+46701234567',
        to: '+46766861004',
        created: '2026-11-23 09:15:00.123000',
        message: SWEDISH,
      }),
    );
    expect(response.status).toBe(200);
    // 46elks would send a non-empty answer back to the citizen as an SMS.
    expect(await response.text()).toBe('');

    const rows = await rowsFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'sms', from_address: '+46701234567', rcpt_to: ['+46766861004'] });
    expect((await ctx.blobs.get(rows[0].raw_blob_key)).toString()).toContain(encodeURIComponent('Ekvägen'));

    const event = await ctx.published(smsReceivedV1, (data) => data.providerMessageId === id);
    expect(event).toMatchObject({
      intakeId: rows[0].id,
      provider: '46elks',
      from: '+46701234567',
      to: '+46766861004',
      text: SWEDISH,
      attachments: [],
      sentAt: '2026-11-23T09:15:00.123Z',
    });
  });

  it('takes a JSON body as well', async () => {
    const id = elksId();
    const response = await post(
      JSON.stringify({
        direction: 'incoming',
        id,
        from: '+46709876543',
        to: '+46766861004',
        message: 'Gatlampan är trasig',
      }),
      { contentType: 'application/json' },
    );
    expect(response.status).toBe(200);
    const event = await ctx.published(smsReceivedV1, (data) => data.providerMessageId === id);
    expect(event.text).toBe('Gatlampan är trasig');
    expect(event.from).toBe('+46709876543');
  });

  it('applies a repeated delivery of the same id once and answers 200 both times', async () => {
    const id = elksId();
    const body = form({ direction: 'incoming', id, from: '+46701111111', to: '+46766861004', message: 'Två gånger' });
    const first = await post(body);
    const second = await post(body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toBe('');
    expect(await rowsFor(id)).toHaveLength(1);
    expect((await ctx.outboxData(smsReceivedV1)).filter((data) => data.providerMessageId === id)).toHaveLength(1);
  });

  it('keeps an MMS: the image link is not fetched and stays only in the raw payload', async () => {
    const id = elksId();
    const image = 'https://api.46elks.com/a1/images/m1234.jpg';
    const response = await post(
      form({ direction: 'incoming', id, from: '+46702222222', to: '+46766861004', message: '', image }),
    );
    expect(response.status).toBe(200);
    const event = await ctx.published(smsReceivedV1, (data) => data.providerMessageId === id);
    expect(event.text).toBe('');
    expect(event.attachments).toEqual([]);
    const [row] = await rowsFor(id);
    expect((await ctx.blobs.get(row.raw_blob_key)).toString()).toContain(encodeURIComponent(image));
  });

  it.each([
    ['a wrong password', () => basic(ctx.secrets.smsUser, `${ctx.secrets.smsPassword}x`)],
    ['a wrong user', () => basic('someone', ctx.secrets.smsPassword)],
    ['no credentials', () => null],
    ['a Bearer token', () => `Bearer ${ctx.secrets.smsPassword}`],
  ])('answers 401 AUTH.UNAUTHENTICATED to %s and stores nothing', async (_name, auth) => {
    const id = elksId();
    const response = await post(form({ id, from: '+46703333333', to: '+46766861004', message: 'x' }), {
      auth: auth(),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await rowsFor(id)).toHaveLength(0);
    const quarantined = await ctx.quarantined('sms');
    expect(quarantined.some((row) => JSON.stringify(row).includes(id))).toBe(false);
  });

  it('quarantines an authenticated payload it cannot read, still answering 200, and keeps it raw', async () => {
    const id = elksId();
    const before = (await ctx.quarantined('sms')).length;
    const response = await post(form({ direction: 'incoming', id, to: '+46766861004', message: 'Utan avsändare' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const rows = await ctx.quarantined('sms');
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1];
    expect(row.reason).toMatch(/from/);
    expect(row.envelope).toMatchObject({ contentType: 'application/x-www-form-urlencoded', provider: '46elks' });
    expect(JSON.stringify(row.envelope)).not.toContain(ctx.secrets.smsPassword);
    expect((await ctx.blobs.get(row.raw_blob_key)).toString()).toContain(id);
    expect(await rowsFor(id)).toHaveLength(0);
  });

  it('quarantines a body that is not JSON though it says so', async () => {
    const before = (await ctx.quarantined('sms')).length;
    const response = await post('{"id": "s1", "from": ', { contentType: 'application/json' });
    expect(response.status).toBe(200);
    const rows = await ctx.quarantined('sms');
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1].reason).toMatch(/not JSON/);
  });

  it('answers 413 REQUEST.TOO_LARGE to a body over the limit', async () => {
    const response = await post(form({ id: elksId(), from: '+4670', to: '+4676', message: 'å'.repeat(100_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('ignores a call that is not an incoming message (a delivery report)', async () => {
    const id = elksId();
    const response = await post(form({ direction: 'outgoing', id, from: '+46766861004', to: '+4670', message: 'x' }));
    expect(response.status).toBe(200);
    expect(await rowsFor(id)).toHaveLength(0);
  });

  it('re-processes a stored payload without writing a quarantine row: accepted, then a duplicate', async () => {
    const reprocess = ctx.server.reprocessors.sms;
    if (reprocess === null) throw new Error('SMS is configured in this test');
    const before = (await ctx.quarantined('sms')).length;
    const id = elksId();
    const raw = Buffer.from(
      form({ direction: 'incoming', id, from: '+46704444444', to: '+46766861004', message: 'Igen' }),
    );
    const envelope = { contentType: 'application/x-www-form-urlencoded', remoteAddress: '127.0.0.1' };
    expect(await reprocess(raw, envelope)).toEqual({ kind: 'accepted' });
    expect(await reprocess(raw, envelope)).toEqual({ kind: 'duplicate' });
    const broken = await reprocess(Buffer.from(form({ id, message: 'x' })), envelope);
    expect(broken.kind).toBe('quarantined');
    expect((await ctx.quarantined('sms')).length).toBe(before);
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it('re-processes a quarantined row under its own id, raw blob and arrival time', async () => {
    const reprocess = ctx.server.reprocessors.sms;
    if (reprocess === null) throw new Error('SMS is configured in this test');
    const id = elksId();
    const before = (await ctx.quarantined('sms')).length;
    await post(form({ direction: 'incoming', id, to: '+46766861004', message: 'Avsändaren saknas' }));
    const rows = await ctx.quarantined('sms');
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1];
    // As if a fix had been deployed: the same delivery with the sender the provider forgot.
    const fixed = Buffer.from(
      form({ direction: 'incoming', id, from: '+46705555555', to: '+46766861004', message: 'Avsändaren saknas' }),
    );
    const receivedAt = new Date('2026-11-23T08:00:00.000Z');
    const origin = { id: row.id, rawBlobKey: row.raw_blob_key, receivedAt };
    expect(await reprocess(fixed, row.envelope, origin)).toEqual({ kind: 'accepted' });
    expect(await rowsFor(id)).toEqual([expect.objectContaining({ id: row.id, raw_blob_key: row.raw_blob_key })]);
    const event = await ctx.published(smsReceivedV1, (data) => data.providerMessageId === id);
    expect(event).toMatchObject({ intakeId: row.id, receivedAt: receivedAt.toISOString(), from: '+46705555555' });
  });

  it('is not served (404) when its credentials are not configured', async () => {
    const off = await ctx.startServer({ sms46elks: null });
    const response = await fetch(`http://127.0.0.1:${off.port}/webhooks/sms/46elks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(ctx.secrets.smsUser, ctx.secrets.smsPassword),
      },
      body: form({ id: elksId(), from: '+4670', to: '+4676', message: 'x' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
  });
});
