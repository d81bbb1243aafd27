import { type Transporter, createTransport } from 'nodemailer';
import { type EmailReceivedV1Data, emailReceivedV1 } from '@arende/contracts';
import { type CorpusMessage, fillCaseNumbers, loadCorpus, messageBytes, outcomeOf } from '../corpus/corpus.js';
import { INTAKE_ADDRESS, type IntakeTestContext, createIntakeTestContext } from './intake-context.js';

// The e-mail corpus over real SMTP: every message must become the event its expectations describe
// (corpus/README.md). The case numbers are stand-ins here; the e2e test sends the same corpus to real cases.
const corpus = loadCorpus();
const numbers = Object.fromEntries(
  Object.keys(corpus.cases).map((key, index) => [key, `2026-9${String(index + 1).padStart(5, '0')}`]),
);

let ctx: IntakeTestContext;
let transport: Transporter;
/** The event of each message sent so far, by label. */
const sent = new Map<string, EmailReceivedV1Data>();

beforeAll(async () => {
  ctx = await createIntakeTestContext();
  transport = createTransport({ host: '127.0.0.1', port: ctx.smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  transport?.close();
  await ctx?.close();
});

async function eventsWhere(field: 'intakeId' | 'messageId', value: string): Promise<EmailReceivedV1Data[]> {
  const rows = await ctx.dataSource.query<{ payload: unknown }[]>(
    `SELECT payload FROM intake.outbox WHERE payload->'data'->>'${field}' = $1 ORDER BY seq`,
    [value],
  );
  return rows.map((row) => emailReceivedV1.envelope.parse(row.payload).data);
}

async function bodyText(body: EmailReceivedV1Data['text']): Promise<string> {
  if (body.inline !== null) return body.inline;
  return (await ctx.blobs.get(body.blobKey ?? 'missing')).toString('utf8');
}

async function checkEvent(message: CorpusMessage, event: EmailReceivedV1Data, raw: Buffer, sentAt: Date) {
  expect(event.subject).toBe(fillCaseNumbers(message.subject, numbers));
  expect(event.from[0]).toEqual(message.from);
  if (message.messageId === null) expect(event.messageId).toMatch(/^<\S+>$/);
  else if (message.messageId !== undefined) expect(event.messageId).toBe(message.messageId);
  if (message.date === 'received') {
    expect(Date.parse(event.date)).toBeGreaterThanOrEqual(sentAt.getTime() - 1000);
    expect(Date.parse(event.date)).toBeLessThanOrEqual(Date.now() + 1000);
  } else if (message.date !== undefined) {
    expect(event.date).toBe(message.date);
  }

  const text = await bodyText(event.text);
  if (message.textByBlob) expect(event.text.inline).toBeNull();
  if (message.text?.length === 0) expect(text.trim()).toBe('');
  for (const excerpt of message.text ?? []) expect(text).toContain(fillCaseNumbers(excerpt, numbers));
  for (const excerpt of message.textNot ?? []) expect(text).not.toContain(excerpt);

  if (message.html === null) expect(event.html).toBeNull();
  else if (message.html !== undefined) {
    expect(event.html).not.toBeNull();
    const html = await bodyText(event.html!);
    for (const excerpt of message.html.contains) expect(html).toContain(excerpt);
    for (const excerpt of message.html.notContains) expect(html).not.toContain(excerpt);
  }

  expect(event.autoReply).toBe(message.autoReply ?? false);
  expect(event.bounce).toBe(message.bounce ?? false);
  expect(event.bouncedMessageIds).toEqual(message.bouncedMessageIds ?? []);
  expect(event.inReplyTo).toBe(message.inReplyTo ?? null);
  expect(event.references).toEqual(message.references ?? []);

  // The raw message and every attachment are in the blob store, whole.
  expect(await ctx.blobs.get(event.rawBlobKey)).toEqual(raw);
  expect(event.rawSize).toBe(raw.length);
  if (message.attachments !== undefined) {
    expect(event.attachments.map(({ filename, contentType, inline }) => ({ filename, contentType, inline }))).toEqual(
      message.attachments,
    );
  }
  for (const attachment of event.attachments) {
    expect((await ctx.blobs.get(attachment.blobKey)).length).toBe(attachment.size);
  }
}

describe('the e-mail corpus over SMTP', () => {
  it('has at least 40 messages, each label once', () => {
    expect(corpus.messages.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.messages.map((m) => m.label)).size).toBe(corpus.messages.length);
  });

  // In file order: the duplicate needs its original sent first. A message with a known gap is expected to
  // fail (it.failing) until the gap is closed; then it passes, the test fails, and its knownGap goes.
  for (const message of corpus.messages) {
    (message.knownGap ? it.failing : it)(`${message.file}: ${message.about}`, async () => {
      const raw = messageBytes(message, numbers);
      const sentAt = new Date();
      // As bytes: several messages are 8bit in charsets other than UTF-8.
      const info = await transport.sendMail({ envelope: { from: message.from.address, to: [INTAKE_ADDRESS] }, raw });
      const answer = info.response ?? '';
      expect(answer).toMatch(/^250 /);
      const outcome = outcomeOf(message);

      if (outcome.kind === 'duplicateOf') {
        const original = sent.get(outcome.target);
        expect(original).toBeDefined();
        expect(answer).not.toContain('Queued as');
        expect(await eventsWhere('messageId', original!.messageId)).toHaveLength(1);
        return;
      }

      const intakeId = /Queued as (\S+)/.exec(answer)?.[1];
      expect(intakeId).toBeDefined();
      const events = await eventsWhere('intakeId', intakeId!);
      expect(events).toHaveLength(1);
      sent.set(message.label, events[0]);
      await checkEvent(message, events[0], raw, sentAt);
    });
  }
});
