import { connect } from 'node:net';
import { type EmailReceivedV1Data, INTAKE_INLINE_BODY_LIMIT, emailReceivedV1 } from '@arende/contracts';
import { createDataSource } from '@arende/persistence';
import { expectEventually, readStream } from '@arende/testing';
import { ENTITIES } from '../../src/entities/index.js';
import { MIGRATIONS } from '../../src/migrations/index.js';
import { IntakeService } from '../../src/services/intake.service.js';
import {
  INTAKE_ADDRESS,
  MAX_MESSAGE_BYTES,
  type IntakeTestContext,
  createIntakeTestContext,
  mail,
} from './intake-context.js';

let ctx: IntakeTestContext;
let sequence = 0;

beforeAll(async () => {
  ctx = await createIntakeTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

function messageId(): string {
  sequence += 1;
  return `<test-${sequence}-${Date.now()}@example.se>`;
}

async function eventsFor(id: string): Promise<EmailReceivedV1Data[]> {
  const rows = await ctx.dataSource.query<{ payload: { data: EmailReceivedV1Data } }[]>(
    `SELECT payload FROM intake.outbox WHERE payload->'data'->>'messageId' = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((row) => row.payload.data);
}

async function received(id: string): Promise<EmailReceivedV1Data> {
  const events = await eventsFor(id);
  expect(events).toHaveLength(1);
  return events[0];
}

function smtpCode(error: unknown): number | undefined {
  return (error as { responseCode?: number }).responseCode;
}

describe('SMTP intake', () => {
  it('accepts a plain Swedish UTF-8 mail, keeps the raw message and records the envelope and authentication results', async () => {
    const id = messageId();
    const raw = mail(
      'Authentication-Results: mx1.kommun.test; spf=pass smtp.mailfrom=example.se',
      'From: =?UTF-8?Q?Anna_=C3=85str=C3=B6m?= <anna@example.se>',
      `To: ${INTAKE_ADDRESS}`,
      'Subject: =?UTF-8?Q?Tr=C3=A4d_som_f=C3=B6ll_p=C3=A5_v=C3=A4gen?=',
      `Message-ID: ${id}`,
      'Date: Mon, 23 Nov 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hej! Ett träd har fallit över gångvägen vid Åsögatan.',
    );
    const answer = await ctx.send(raw);
    expect(answer).toMatch(/^250 /);

    const event = await received(id);
    expect(event.subject).toBe('Träd som föll på vägen');
    expect(event.from).toEqual([{ address: 'anna@example.se', name: 'Anna Åström' }]);
    expect(event.text.inline).toBe('Hej! Ett träd har fallit över gångvägen vid Åsögatan.');
    expect(event.date).toBe('2026-11-23T09:00:00.000Z');
    expect(event.autoReply).toBe(false);
    expect(event.bounce).toBe(false);
    expect(event.envelope).toMatchObject({ mailFrom: 'avsandare@example.se', rcptTo: [INTAKE_ADDRESS] });
    expect(event.envelope.remoteAddress).toMatch(/127\.0\.0\.1/);
    expect(event.authenticationResults).toEqual(['mx1.kommun.test; spf=pass smtp.mailfrom=example.se']);
    expect((await ctx.blobs.get(event.rawBlobKey)).toString('utf8')).toContain('Åsögatan');
  });

  it('decodes an ISO-8859-1 encoded-word subject and a quoted-printable Latin-1 body', async () => {
    const id = messageId();
    await ctx.send(
      mail(
        'From: bo@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Subject: =?ISO-8859-1?Q?Fr=E5ga_om_avgift_f=F6r_=E4ldreomsorg?=',
        `Message-ID: ${id}`,
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Jag undrar =F6ver avgiften f=F6r min mammas =E4ldreboende, som =E4r v=E4ldigt=',
        ' h=F6g.',
      ),
    );
    const event = await received(id);
    expect(event.subject).toBe('Fråga om avgift för äldreomsorg');
    expect(event.text.inline).toBe('Jag undrar över avgiften för min mammas äldreboende, som är väldigt hög.');
  });

  it('decodes a base64 body and a base64 encoded-word subject', async () => {
    const id = messageId();
    const body = Buffer.from('Snöröjningen på Ängsvägen har inte kommit.', 'utf8').toString('base64');
    await ctx.send(
      mail(
        'From: c@example.se',
        `To: ${INTAKE_ADDRESS}`,
        `Subject: =?UTF-8?B?${Buffer.from('Snöröjning', 'utf8').toString('base64')}?=`,
        `Message-ID: ${id}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        body,
      ),
    );
    const event = await received(id);
    expect(event.subject).toBe('Snöröjning');
    expect(event.text.inline).toBe('Snöröjningen på Ängsvägen har inte kommit.');
  });

  it('keeps a sanitised HTML and a text version of an HTML-only mail', async () => {
    const id = messageId();
    await ctx.send(
      mail(
        'From: d@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Subject: HTML',
        `Message-ID: ${id}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><head><title>x</title><script>alert(1)</script></head><body>',
        '<p onclick="steal()">Gatlyktan är <b>trasig</b>.</p><p><a href="javascript:alert(1)">länk</a></p>',
        '</body></html>',
      ),
    );
    const event = await received(id);
    expect(event.html?.inline).toBe('<p>Gatlyktan är <b>trasig</b>.</p><p><a>länk</a></p>');
    expect(event.text.inline).toBe('Gatlyktan är trasig.\nlänk');
  });

  it('stores the attachment of a multipart/mixed with a multipart/alternative body as a blob', async () => {
    const id = messageId();
    const pdf = Buffer.from('%PDF-1.4 en ritning');
    await ctx.send(
      mail(
        'From: e@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Cc: Kalle <kalle@example.se>',
        'Subject: Ritning',
        `Message-ID: ${id}`,
        'In-Reply-To: <out-1@kommun.test>',
        'References: <out-0@kommun.test> <out-1@kommun.test>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mixed"',
        '',
        '--mixed',
        'Content-Type: multipart/alternative; boundary="alt"',
        '',
        '--alt',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Se bifogad ritning.',
        '--alt',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Se bifogad <i>ritning</i>.</p>',
        '--alt--',
        '--mixed',
        'Content-Type: application/pdf; name="=?UTF-8?Q?ritning_=C3=A5.pdf?="',
        'Content-Disposition: attachment; filename="=?UTF-8?Q?ritning_=C3=A5.pdf?="',
        'Content-Transfer-Encoding: base64',
        '',
        pdf.toString('base64'),
        '--mixed--',
      ),
    );
    const event = await received(id);
    expect(event.text.inline).toBe('Se bifogad ritning.');
    expect(event.html?.inline).toBe('<p>Se bifogad <i>ritning</i>.</p>');
    expect(event.cc).toEqual([{ address: 'kalle@example.se', name: 'Kalle' }]);
    expect(event.inReplyTo).toBe('<out-1@kommun.test>');
    expect(event.references).toEqual(['<out-0@kommun.test>', '<out-1@kommun.test>']);
    expect(event.attachments).toHaveLength(1);
    expect(event.attachments[0]).toMatchObject({
      filename: 'ritning å.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    expect(await ctx.blobs.get(event.attachments[0].blobKey)).toEqual(pdf);
  });

  it('sends a body over the inline limit by blob key only', async () => {
    const id = messageId();
    const line = 'Åäö och en lång rad text om bygglovet på Storgatan 12, som grannarna undrar över.';
    const body = Array.from({ length: 1200 }, () => line).join('\r\n');
    await ctx.send(
      mail(
        'From: k@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Subject: Långt',
        `Message-ID: ${id}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
      ),
    );
    const event = await received(id);
    expect(event.text.inline).toBeNull();
    expect(event.text.size).toBeGreaterThan(INTAKE_INLINE_BODY_LIMIT);
    const stored = (await ctx.blobs.get(event.text.blobKey ?? 'missing')).toString('utf8');
    expect(stored).toBe(body.replaceAll('\r\n', '\n'));
    expect(JSON.stringify(event).length).toBeLessThan(4096);
  });

  it('marks an auto-reply', async () => {
    const id = messageId();
    await ctx.send(
      mail(
        'From: f@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Subject: Automatiskt svar: Ärende 2026-000123',
        'Auto-Submitted: auto-replied',
        `Message-ID: ${id}`,
        '',
        'Jag är på semester till och med 1 december.',
      ),
    );
    expect(await received(id)).toMatchObject({ autoReply: true, bounce: false });
  });

  it('marks a bounce (multipart/report)', async () => {
    const id = messageId();
    await ctx.send(
      mail(
        'From: MAILER-DAEMON@example.se',
        `To: ${INTAKE_ADDRESS}`,
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: ${id}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        '',
        '--r',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--r',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.se',
        '',
        'Final-Recipient: rfc822; nobody@example.se',
        'Action: failed',
        'Status: 5.1.1',
        '--r--',
      ),
    );
    const event = await received(id);
    expect(event.bounce).toBe(true);
    expect(event.text.inline).toContain('could not be delivered');
  });

  it('applies a duplicate delivery of the same Message-ID once, and answers 250 both times', async () => {
    const id = messageId();
    const raw = mail(
      'From: g@example.se',
      `To: ${INTAKE_ADDRESS}`,
      'Subject: Två gånger',
      `Message-ID: ${id}`,
      '',
      'En gång.',
    );
    expect(await ctx.send(raw)).toMatch(/^250 /);
    expect(await ctx.send(raw)).toMatch(/^250 /);
    expect(await eventsFor(id)).toHaveLength(1);
    const rows = await ctx.dataSource.query<unknown[]>(`SELECT 1 FROM intake.inbound_message WHERE message_id = $1`, [
      id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a recipient that is not configured with 550', async () => {
    const error = await ctx.send(mail('Subject: fel', '', 'x'), ['someone.else@kommun.test']).catch((e: unknown) => e);
    expect(smtpCode(error)).toBe(550);
  });

  it('refuses a message over the size limit with 552', async () => {
    const big = 'x'.repeat(76) + '\r\n';
    const raw = mail(
      'From: h@example.se',
      `To: ${INTAKE_ADDRESS}`,
      'Subject: stor',
      '',
      big.repeat(MAX_MESSAGE_BYTES / 78 + 10),
    );
    const error = await ctx.send(raw).catch((e: unknown) => e);
    expect(smtpCode(error)).toBe(552);
  });

  it('quarantines a message whose event would break its contract, still answering 250', async () => {
    const id = messageId();
    const answer = await ctx.send(
      mail(
        'From: i@example.se',
        `To: ${INTAKE_ADDRESS}`,
        `Subject: ${'lång '.repeat(500)}`,
        `Message-ID: ${id}`,
        '',
        'x',
      ),
    );
    expect(answer).toMatch(/^250 /);
    expect(await eventsFor(id)).toHaveLength(0);
    const rows = await ctx.dataSource.query<{ reason: string; raw_blob_key: string }[]>(
      `SELECT reason, raw_blob_key FROM intake.quarantined_message`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].reason).toMatch(/subject/);
    expect((await ctx.blobs.get(rows[0].raw_blob_key)).toString()).toContain(id);
  });

  it('answers 451 when the database is down, so the sender retries', async () => {
    const down = createDataSource({
      url: ctx.databaseUrl,
      schema: 'intake',
      entities: ENTITIES,
      migrations: MIGRATIONS,
    });
    const listener = await ctx.startListener(
      new IntakeService(
        down,
        ctx.blobs,
        { nudge: () => undefined },
        { debug() {}, info() {}, warn() {}, error() {} },
        'intake',
      ),
    );
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    const error = await transport
      .sendMail({
        envelope: { from: 'a@example.se', to: [INTAKE_ADDRESS] },
        raw: mail('Subject: x', `Message-ID: ${messageId()}`, '', 'x'),
      })
      .catch((e: unknown) => e);
    transport.close();
    expect(smtpCode(error)).toBe(451);
  });

  it('survives a client that resets its connection in the middle of a message', async () => {
    const socket = connect(ctx.smtp.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => void (received += chunk.toString()));
    const step = async (command: string | null, code: string): Promise<void> => {
      if (command !== null) socket.write(`${command}\r\n`);
      await expectEventually(() => expect(received).toMatch(new RegExp(`^${code}[ ]`, 'm')));
      received = '';
    };
    await step(null, '220');
    await step('EHLO reset.example.se', '250');
    await step('MAIL FROM:<a@example.se>', '250');
    await step(`RCPT TO:<${INTAKE_ADDRESS}>`, '250');
    await step('DATA', '354');
    socket.write('Subject: avbrutet\r\n\r\nHalva meddelandet');
    socket.resetAndDestroy();
    await expectEventually(() => expect(ctx.logs.some((l) => l.message === 'SMTP connection error')).toBe(true));

    const id = messageId();
    expect(await ctx.send(mail('Subject: efter', `Message-ID: ${id}`, '', 'Fortfarande uppe.'))).toMatch(/^250 /);
    expect(await eventsFor(id)).toHaveLength(1);
  });

  it('publishes events to JetStream that validate against the contract', async () => {
    const id = messageId();
    await ctx.send(
      mail('From: j@example.se', `To: ${INTAKE_ADDRESS}`, 'Subject: Ström', `Message-ID: ${id}`, '', 'Hej.'),
    );
    const stream = ctx.names.stream('intake');
    await expectEventually(async () => {
      const messages = await readStream(ctx.js, ctx.jsm, stream);
      const envelopes = messages.map((m) => emailReceivedV1.envelope.parse(m.json));
      expect(envelopes.map((e) => e.data.messageId)).toContain(id);
    });
    const messages = await readStream(ctx.js, ctx.jsm, stream);
    expect(messages.every((m) => m.subject === ctx.names.subject(emailReceivedV1.subject))).toBe(true);
  });
});

describe('inbound_messages_total', () => {
  it('counts what it received by outcome in inbound_messages_total', async () => {
    const value = async (outcome: string) =>
      (await ctx.metrics.inboundMessages.get()).values.find(
        (v) => v.labels.channel === 'email' && v.labels.outcome === outcome,
      )?.value ?? 0;
    const [accepted, duplicate, refused] = [await value('accepted'), await value('duplicate'), await value('refused')];
    const id = `<metrics-${Date.now()}@example.se>`;
    const raw = mail('Subject: räknas', `Message-ID: ${id}`, '', 'Hej');
    await ctx.send(raw);
    await ctx.send(raw);
    await ctx.send(raw, ['nobody@kommun.test']).catch(() => undefined);
    expect(await value('accepted')).toBe(accepted + 1);
    expect(await value('duplicate')).toBe(duplicate + 1);
    expect(await value('refused')).toBe(refused + 1);
  });
});
