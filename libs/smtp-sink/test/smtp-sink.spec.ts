import nodemailer from 'nodemailer';
import { freePort } from '@arende/testing';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../src/index.js';

describe('startSmtpSink', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink({ smtpPort: await freePort(), httpPort: await freePort() });
  });
  afterAll(() => sink.close());
  beforeEach(() => sink.clear());

  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false });

  it('keeps a message with its addresses, subject, bodies, threading headers and attachment names', async () => {
    await transport().sendMail({
      from: 'Kundtjänst <kundtjanst@kommun.example>',
      to: 'Eva@Example.org',
      replyTo: 'arende+2026-000123@kommun.example',
      subject: 'Ärende 2026-000123: Trasig gatlykta',
      text: 'Hej Eva',
      html: '<p>Hej <b>Eva</b></p>',
      messageId: '<abc@kommun.example>',
      inReplyTo: '<prev@example.org>',
      references: ['<prev@example.org>'],
      attachments: [{ filename: 'beslut.pdf', content: Buffer.from('%PDF-1.4') }],
    });
    const response = await fetch(`${sink.url}/messages?to=eva@example.org`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: SinkMessage[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      from: 'kundtjanst@kommun.example',
      to: ['eva@example.org'],
      replyTo: 'arende+2026-000123@kommun.example',
      subject: 'Ärende 2026-000123: Trasig gatlykta',
      text: 'Hej Eva',
      html: '<p>Hej <b>Eva</b></p>',
      messageId: '<abc@kommun.example>',
      inReplyTo: '<prev@example.org>',
      references: ['<prev@example.org>'],
      attachments: [expect.objectContaining({ filename: 'beslut.pdf', contentType: 'application/pdf' })],
    });
    expect(items[0].headers['message-id']).toBe('<abc@kommun.example>');
  });

  it('filters by recipient and lists the newest last', async () => {
    for (const [to, subject] of [
      ['a@example.org', 'först'],
      ['b@example.org', 'annan'],
      ['a@example.org', 'sist'],
    ])
      await transport().sendMail({ from: 'x@kommun.example', to, subject, text: '.' });
    const { items } = (await (await fetch(`${sink.url}/messages?to=A@example.org`)).json()) as { items: SinkMessage[] };
    expect(items.map((m) => m.subject)).toEqual(['först', 'sist']);
    expect(sink.messages()).toHaveLength(3);
  });

  it('shows the messages on an HTML page with their text escaped', async () => {
    await transport().sendMail({
      from: 'x@kommun.example',
      to: 'c@example.org',
      subject: '<script>alert(1)</script>',
      text: 'a & b <img src=x onerror=alert(1)>',
    });
    const response = await fetch(sink.url);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>');
  });

  it('clears every message on DELETE /messages', async () => {
    await transport().sendMail({ from: 'x@kommun.example', to: 'd@example.org', subject: 's', text: '.' });
    const response = await fetch(`${sink.url}/messages`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(sink.messages()).toEqual([]);
  });

  it('refuses the next messages with the reply code it was told, then keeps the following one', async () => {
    sink.failNext(1, 451);
    await expect(
      transport().sendMail({ from: 'x@kommun.example', to: 'e@example.org', subject: 's', text: '.' }),
    ).rejects.toMatchObject({ responseCode: 451 });
    await transport().sendMail({ from: 'x@kommun.example', to: 'e@example.org', subject: 'två', text: '.' });
    expect(sink.messages('e@example.org').map((m) => m.subject)).toEqual(['två']);
  });

  it('answers an unknown route with 404 and a code', async () => {
    const response = await fetch(`${sink.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'SINK.NOT_FOUND' });
  });
});
