import { randomUUID } from 'node:crypto';
import { formSubmittedV1 } from '@arende/contracts';
import {
  ALLOWED_ORIGIN,
  FORM_MAX_FILE_BYTES,
  FORM_MAX_TOTAL_BYTES,
  type WebhookTestContext,
  createWebhookTestContext,
} from './webhook-context.js';

let ctx: WebhookTestContext;

beforeAll(async () => {
  ctx = await createWebhookTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

const FORM = 'felanmalan-gata';
const SWEDISH = 'Gatlyktan vid busshållplatsen på Råsundavägen är släckt 💡😕';

interface Accepted {
  intakeId: string;
  receivedAt: string;
}

interface Invalid {
  code: string;
  details: { fields: { path: string; message: string }[] };
}

function postJson(body: unknown, formId = FORM): Promise<Response> {
  return fetch(ctx.url(`/forms/${formId}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function postForm(data: FormData, formId = FORM): Promise<Response> {
  return fetch(ctx.url(`/forms/${formId}`), { method: 'POST', body: data });
}

async function rowsFor(messageId: string) {
  return (await ctx.inbound('web_form')).filter((row) => row.message_id === messageId);
}

async function eventCount(): Promise<number> {
  return (await ctx.outboxData(formSubmittedV1)).length;
}

describe('Web forms', () => {
  it('takes a JSON submission: 202 with the intake id, the row, the kept submission and the event', async () => {
    const response = await postJson({
      title: 'Trasig gatlykta',
      fields: [{ name: 'beskrivning', label: 'Beskriv felet', value: SWEDISH }],
      contact: { name: 'Åsa Öberg', email: 'asa@example.se', phone: '' },
      customerWantsAnswer: true,
      position: { lat: 59.3625, lon: 18.0009, accuracy: 15 },
    });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as Accepted;
    const rows = await rowsFor(`web_form:${FORM}:${answer.intakeId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: answer.intakeId, from_address: 'asa@example.se', rcpt_to: [FORM] });
    expect((await ctx.blobs.get(rows[0].raw_blob_key)).toString()).toContain(SWEDISH);

    const event = await ctx.published(formSubmittedV1, (data) => data.intakeId === answer.intakeId);
    expect(event).toEqual({
      intakeId: answer.intakeId,
      formId: FORM,
      submissionId: null,
      title: 'Trasig gatlykta',
      fields: [{ name: 'beskrivning', label: 'Beskriv felet', value: SWEDISH }],
      contact: { name: 'Åsa Öberg', email: 'asa@example.se', phone: null },
      customerWantsAnswer: true,
      attachments: [],
      position: { lat: 59.3625, lon: 18.0009, accuracyMeters: 15 },
      submittedAt: answer.receivedAt,
    });
  });

  it('takes a multipart submission with a JSON part and files, stored in the blob store first', async () => {
    const photo = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    const data = new FormData();
    data.append(
      'submission',
      JSON.stringify({
        fields: { gata: 'Råsundavägen 12' },
        contact: { email: 'per@example.se' },
        customerWantsAnswer: false,
      }),
    );
    data.append('bild', new Blob([photo], { type: 'image/jpeg' }), 'lyktan på natten.jpg');
    data.append('bilaga', new Blob(['Karta över området'], { type: 'text/plain' }), 'karta.txt');
    data.append('tom', new Blob([]), '');
    const response = await postForm(data);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as Accepted;

    const event = await ctx.published(formSubmittedV1, (d) => d.intakeId === answer.intakeId);
    expect(event.fields).toEqual([{ name: 'gata', label: 'gata', value: 'Råsundavägen 12' }]);
    expect(event.contact).toEqual({ name: null, email: 'per@example.se', phone: null });
    expect(event.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size }))).toEqual([
      { filename: 'lyktan på natten.jpg', contentType: 'image/jpeg', size: photo.length },
      { filename: 'karta.txt', contentType: 'text/plain', size: Buffer.byteLength('Karta över området') },
    ]);
    expect(await ctx.blobs.get(event.attachments[0].blobKey)).toEqual(photo);
    expect((await ctx.blobs.get(event.attachments[1].blobKey)).toString()).toBe('Karta över området');
  });

  it('takes a plain HTML form (named fields, a checkbox, position as text)', async () => {
    const data = new FormData();
    data.append('title', 'Nedfallet träd');
    data.append('beskrivning', SWEDISH);
    data.append('contact.name', 'Kalle Ek');
    data.append('contact.phone', '+46701234567');
    data.append('customerWantsAnswer', 'on');
    data.append('position.lat', '59.36');
    data.append('position.lon', '18.01');
    const response = await postForm(data);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as Accepted;
    const event = await ctx.published(formSubmittedV1, (d) => d.intakeId === answer.intakeId);
    expect(event).toMatchObject({
      title: 'Nedfallet träd',
      fields: [{ name: 'beskrivning', label: 'beskrivning', value: SWEDISH }],
      contact: { name: 'Kalle Ek', email: null, phone: '+46701234567' },
      customerWantsAnswer: true,
      position: { lat: 59.36, lon: 18.01, accuracyMeters: null },
    });
  });

  it('applies a repeated submission with the same submissionId once, answering with the first intake id', async () => {
    const submissionId = randomUUID();
    const body = { submissionId, fields: { fråga: 'Två gånger?' } };
    const first = await postJson(body);
    const second = await postJson(body);
    expect([first.status, second.status]).toEqual([202, 202]);
    const [a, b] = [(await first.json()) as Accepted, (await second.json()) as Accepted];
    expect(b).toEqual(a);
    expect(await rowsFor(`web_form:${FORM}:${submissionId}`)).toHaveLength(1);
    expect((await ctx.outboxData(formSubmittedV1)).filter((d) => d.submissionId === submissionId)).toHaveLength(1);
  });

  it('answers 400 REQUEST.INVALID with the field paths, storing and quarantining nothing', async () => {
    const before = await eventCount();
    const response = await postJson({
      fields: [{ name: '', value: 'x' }],
      contact: { email: 'inte-en-adress' },
      position: { lat: 200, lon: 18 },
      customerWantsAnswer: 'ja',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Invalid;
    expect(body.code).toBe('REQUEST.INVALID');
    const paths = body.details.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['contact.email', 'position.lat', 'customerWantsAnswer']));
    expect(paths.some((p) => p.startsWith('fields'))).toBe(true);
    expect(await eventCount()).toBe(before);
    expect(await ctx.quarantined('web_form')).toEqual([]);
  });

  it('asks for an e-mail address or a phone number when the sender wants an answer', async () => {
    const response = await postJson({
      fields: { fråga: 'Hur?' },
      contact: { name: 'Bo', email: '' },
      customerWantsAnswer: true,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Invalid).details.fields).toEqual([
      { path: 'contact', message: 'An answer needs an e-mail address or a phone number' },
    ]);
  });

  it('names a multipart field that is not a number', async () => {
    const data = new FormData();
    data.append('position.lat', 'norr om kyrkan');
    data.append('position.lon', '18.01');
    const response = await postForm(data);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Invalid).details.fields.map((f) => f.path)).toEqual(['position.lat']);
  });

  it('answers 400 to a submission part that is not JSON', async () => {
    const data = new FormData();
    data.append('submission', '{"fields":');
    const response = await postForm(data);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Invalid).details.fields[0].path).toBe('submission');
  });

  describe('limits', () => {
    async function expectTooLarge(data: FormData): Promise<void> {
      const before = await eventCount();
      const response = await postForm(data);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
      expect(await eventCount()).toBe(before);
    }

    it('answers 413 to a file over the per-file limit', async () => {
      const data = new FormData();
      data.append('fil', new Blob([Buffer.alloc(FORM_MAX_FILE_BYTES + 1, 1)]), 'stor.bin');
      await expectTooLarge(data);
    });

    it('answers 413 to more files than allowed', async () => {
      const data = new FormData();
      for (let i = 0; i < 4; i += 1) data.append(`fil${i}`, new Blob([`fil ${i}`]), `fil${i}.txt`);
      await expectTooLarge(data);
    });

    it('answers 413 to files that together exceed the total limit', async () => {
      const data = new FormData();
      const each = Math.ceil(FORM_MAX_TOTAL_BYTES / 2) + 10;
      expect(each).toBeLessThan(FORM_MAX_FILE_BYTES);
      data.append('a', new Blob([Buffer.alloc(each, 1)]), 'a.bin');
      data.append('b', new Blob([Buffer.alloc(each, 2)]), 'b.bin');
      await expectTooLarge(data);
    });

    it('answers 413 to a JSON body over its limit', async () => {
      const response = await postJson({ fields: { text: 'å'.repeat(1024 * 1024) } });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
    });
  });

  describe('CORS', () => {
    async function preflight(origin: string): Promise<Response> {
      return fetch(ctx.url(`/forms/${FORM}`), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    }

    it('allows a configured origin', async () => {
      const response = await preflight(ALLOWED_ORIGIN);
      expect(response.status).toBeLessThan(300);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      const post = await fetch(ctx.url(`/forms/${FORM}`), {
        method: 'POST',
        headers: { origin: ALLOWED_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { a: 'b' } }),
      });
      expect(post.status).toBe(202);
      expect(post.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    });

    it('does not allow another origin', async () => {
      const response = await preflight('https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('answers 404 to a form id that cannot be one', async () => {
    const response = await postJson({ fields: {} }, 'inte%20ett%20id');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
  });
});
