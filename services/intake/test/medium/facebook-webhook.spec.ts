import { createHmac, randomUUID } from 'node:crypto';
import { socialMessageReceivedV1 } from '@arende/contracts';
import { webhookReprocessors } from '../../src/webhooks/webhook-reprocessors.js';
import { PAGE_ID, type WebhookTestContext, createWebhookTestContext } from './webhook-context.js';

let ctx: WebhookTestContext;

beforeAll(async () => {
  ctx = await createWebhookTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

const SWEDISH = 'Hej! När plogas Bergshamra? Det är isigt på gångvägen vid Ulriksdal ❄️🙏';

function sign(body: string, secret = ctx.secrets.facebookAppSecret): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(body: string, signature: string | null = sign(body)): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(ctx.url('/webhooks/facebook'), { method: 'POST', headers, body });
}

function uid(): string {
  return randomUUID().replaceAll('-', '').slice(0, 16);
}

function messaging(mid: string, message: Record<string, unknown>, senderId = '5551234567890') {
  return {
    sender: { id: senderId },
    recipient: { id: PAGE_ID },
    timestamp: 1795425300123,
    message: { mid, ...message },
  };
}

function comment(value: Record<string, unknown>) {
  return { field: 'feed', value: { item: 'comment', verb: 'add', created_time: 1795425300, ...value } };
}

function page(entry: { messaging?: unknown[]; changes?: unknown[] }): string {
  return JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: 1795425301000, ...entry }] });
}

async function rowsFor(platformId: string) {
  return (await ctx.inbound('facebook')).filter((row) => row.message_id === `facebook:${platformId}`);
}

describe('Facebook page webhook', () => {
  describe('verification handshake', () => {
    it('answers the challenge as text/plain to the right verify token', async () => {
      const query = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.verify_token': ctx.secrets.facebookVerifyToken,
        'hub.challenge': '1158201444',
      });
      const response = await fetch(ctx.url(`/webhooks/facebook?${query.toString()}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('1158201444');
    });

    it.each([
      ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong-token', 'hub.challenge': '1' }],
      ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
      ['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'TOKEN', 'hub.challenge': '1' }],
    ])('answers 403 to %s', async (_name, params) => {
      const query = new URLSearchParams(
        Object.fromEntries(
          Object.entries(params).map(([k, v]) => [k, v === 'TOKEN' ? ctx.secrets.facebookVerifyToken : v]),
        ),
      );
      const response = await fetch(ctx.url(`/webhooks/facebook?${query.toString()}`));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    });
  });

  it('takes a signed private message with an image: row, raw payload and event with Swedish text and emoji', async () => {
    const mid = `m_${uid()}`;
    const image = 'https://scontent.xx.fbcdn.net/v/t1.15752-9/bild.jpg?oh=abc&oe=def';
    const body = page({
      messaging: [messaging(mid, { text: SWEDISH, attachments: [{ type: 'image', payload: { url: image } }] })],
    });
    const response = await post(body);
    expect(response.status).toBe(200);

    const rows = await rowsFor(mid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ from_address: '5551234567890', rcpt_to: [PAGE_ID] });
    expect((await ctx.blobs.get(rows[0].raw_blob_key)).toString()).toBe(body);

    const event = await ctx.published(socialMessageReceivedV1, (data) => data.platformMessageId === mid);
    expect(event).toMatchObject({
      intakeId: rows[0].id,
      platform: 'facebook',
      kind: 'private_message',
      pageId: PAGE_ID,
      senderId: '5551234567890',
      senderName: null,
      postId: null,
      parentId: null,
      text: SWEDISH,
      attachmentUrls: [image],
      sentAt: new Date(1795425300123).toISOString(),
    });
  });

  it('takes a comment on a post (no parent) and a reply to a comment (with its parent) from one delivery', async () => {
    const postId = `${PAGE_ID}_${uid()}`;
    const first = `${postId.split('_')[1]}_${uid()}`;
    const reply = `${postId.split('_')[1]}_${uid()}`;
    const body = page({
      changes: [
        comment({
          comment_id: first,
          post_id: postId,
          parent_id: postId,
          message: 'Vägen är inte plogad än!',
          from: { id: '777', name: 'Karin Berg' },
        }),
        comment({
          comment_id: reply,
          post_id: postId,
          parent_id: first,
          message: 'Håller med 👍',
          from: { id: '888', name: 'Örjan Åkesson' },
        }),
      ],
    });
    expect((await post(body)).status).toBe(200);

    const top = await ctx.published(socialMessageReceivedV1, (data) => data.platformMessageId === first);
    expect(top).toMatchObject({
      kind: 'comment',
      postId,
      parentId: null,
      senderId: '777',
      senderName: 'Karin Berg',
      text: 'Vägen är inte plogad än!',
      sentAt: new Date(1795425300000).toISOString(),
    });
    const answer = await ctx.published(socialMessageReceivedV1, (data) => data.platformMessageId === reply);
    expect(answer).toMatchObject({
      kind: 'comment',
      postId,
      parentId: first,
      senderName: 'Örjan Åkesson',
      text: 'Håller med 👍',
    });
  });

  it("skips the page's own comments, edits, removals, echoes, deliveries and reads", async () => {
    const own = `own_${uid()}`;
    const edited = `edit_${uid()}`;
    const removed = `del_${uid()}`;
    const echo = `m_echo_${uid()}`;
    const kept = `m_kept_${uid()}`;
    const postId = `${PAGE_ID}_${uid()}`;
    const body = page({
      messaging: [
        messaging(echo, { text: 'Tack för ditt meddelande!', is_echo: true }, PAGE_ID),
        { sender: { id: '555' }, recipient: { id: PAGE_ID }, timestamp: 1, delivery: { mids: [echo], watermark: 1 } },
        { sender: { id: '555' }, recipient: { id: PAGE_ID }, timestamp: 1, read: { watermark: 1 } },
        messaging(kept, { text: 'Det här ska med' }),
      ],
      changes: [
        comment({
          comment_id: own,
          post_id: postId,
          message: 'Vi plogar i dag',
          from: { id: PAGE_ID, name: 'Kommunen' },
        }),
        comment({ comment_id: edited, post_id: postId, verb: 'edited', message: 'ändrad', from: { id: '777' } }),
        comment({ comment_id: removed, post_id: postId, verb: 'remove', from: { id: '777' } }),
        { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: postId, from: { id: '777' } } },
      ],
    });
    expect((await post(body)).status).toBe(200);
    await ctx.published(socialMessageReceivedV1, (data) => data.platformMessageId === kept);
    for (const id of [own, edited, removed, echo]) expect(await rowsFor(id)).toHaveLength(0);
    const events = await ctx.outboxData(socialMessageReceivedV1);
    expect(events.filter((data) => [own, edited, removed, echo].includes(data.platformMessageId))).toEqual([]);
    expect(await ctx.quarantined('facebook')).toEqual([]);
  });

  it('applies a repeated delivery once', async () => {
    const mid = `m_${uid()}`;
    const body = page({ messaging: [messaging(mid, { text: 'En gång' })] });
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(await rowsFor(mid)).toHaveLength(1);
    expect((await ctx.outboxData(socialMessageReceivedV1)).filter((d) => d.platformMessageId === mid)).toHaveLength(1);
  });

  describe('signature', () => {
    it.each([
      ['missing', () => null],
      ['made with another secret', (body: string) => sign(body, 'another-app-secret-0123456789')],
      ['over another body', (body: string) => sign(`${body} `)],
      ['not hex', () => 'sha256=not-a-signature'],
      ['SHA-1 only', () => 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ])('answers 401 INTAKE.SIGNATURE_INVALID when it is %s, and stores nothing', async (_name, signature) => {
      const mid = `m_${uid()}`;
      const body = page({ messaging: [messaging(mid, { text: 'Förfalskad' })] });
      const response = await post(body, signature(body));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'INTAKE.SIGNATURE_INVALID' });
      expect(await rowsFor(mid)).toHaveLength(0);
      expect((await ctx.quarantined('facebook')).some((row) => row.reason.includes(mid))).toBe(false);
    });
  });

  describe('payloads it cannot read', () => {
    it('quarantines a signed body that is not JSON, keeps it raw and still answers 200', async () => {
      const before = (await ctx.quarantined('facebook')).length;
      const body = '{"object":"page","entry":[{"id":';
      const response = await post(body);
      expect(response.status).toBe(200);
      const rows = await ctx.quarantined('facebook');
      expect(rows).toHaveLength(before + 1);
      const row = rows[rows.length - 1];
      expect(row.reason).toMatch(/not JSON/);
      expect(Number(row.raw_size)).toBe(Buffer.byteLength(body));
      expect((await ctx.blobs.get(row.raw_blob_key)).toString()).toBe(body);
    });

    it('quarantines an object other than a page', async () => {
      const before = (await ctx.quarantined('facebook')).length;
      expect((await post(JSON.stringify({ object: 'instagram', entry: [] }))).status).toBe(200);
      const rows = await ctx.quarantined('facebook');
      expect(rows).toHaveLength(before + 1);
      expect(rows[rows.length - 1].reason).toMatch(/object/);
    });

    it('takes the readable items of a delivery, quarantines it for the other, and a re-process applies nothing twice', async () => {
      const good = `m_${uid()}`;
      const broken = `m_${uid()}`;
      const before = (await ctx.quarantined('facebook')).length;
      const body = page({
        messaging: [
          messaging(good, { text: 'Den här går bra' }),
          messaging(broken, {
            text: 'Bilden är ingen länk',
            attachments: [{ type: 'image', payload: { url: 'inte en url' } }],
          }),
        ],
      });
      expect((await post(body)).status).toBe(200);
      expect(await rowsFor(good)).toHaveLength(1);
      expect(await rowsFor(broken)).toHaveLength(0);
      const rows = await ctx.quarantined('facebook');
      expect(rows).toHaveLength(before + 1);
      const row = rows[rows.length - 1];
      expect(row.reason).toContain(broken);

      const reprocess = ctx.server.reprocessors.facebook;
      if (reprocess === null) throw new Error('Facebook is configured in this test');
      const origin = { id: row.id, rawBlobKey: row.raw_blob_key, receivedAt: new Date() };
      const again = await reprocess(await ctx.blobs.get(row.raw_blob_key), row.envelope, origin);
      expect(again).toMatchObject({ kind: 'quarantined' });
      expect(await rowsFor(good)).toHaveLength(1);
      expect((await ctx.quarantined('facebook')).length).toBe(before + 1);

      const fixed = page({ messaging: [messaging(broken, { text: 'Bilden är ingen länk' })] });
      expect(await reprocess(Buffer.from(fixed), row.envelope)).toEqual({ kind: 'accepted' });
      expect(await reprocess(Buffer.from(fixed), row.envelope)).toEqual({ kind: 'duplicate' });
      expect(await rowsFor(broken)).toHaveLength(1);
    });
  });

  it('can be re-processed while the channel is off', async () => {
    const { facebook } = webhookReprocessors({
      dataSource: ctx.dataSource,
      schema: 'intake',
      blobs: ctx.blobs,
      relay: { nudge: () => undefined },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      facebookPageId: PAGE_ID,
    });
    const mid = `m_${uid()}`;
    const raw = Buffer.from(page({ messaging: [messaging(mid, { text: 'Från karantänen' })] }));
    expect(await facebook(raw, { contentType: 'application/json' })).toEqual({ kind: 'accepted' });
    expect(await rowsFor(mid)).toHaveLength(1);
  });

  it('answers 413 REQUEST.TOO_LARGE to a body over the limit', async () => {
    const body = page({ messaging: [messaging(`m_${uid()}`, { text: 'x'.repeat(1024 * 1024) })] });
    const response = await post(body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('is not served (404) without its app secret and verify token', async () => {
    const off = await ctx.startServer({ facebook: null });
    const response = await fetch(`http://127.0.0.1:${off.port}/webhooks/facebook?hub.mode=subscribe`);
    expect(response.status).toBe(404);
  });
});
