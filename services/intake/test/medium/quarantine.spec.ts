import {
  type Actor,
  DomainError,
  emailReceivedV1,
  getQuarantinedV1,
  listQuarantineV1,
  reprocessQuarantinedV1,
} from '@arende/contracts';
import { RpcClient, type RpcServer } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import { expectEventually, readStream } from '@arende/testing';
import { emailReprocessor } from '../../src/quarantine/email-reprocessor.js';
import { startQuarantineRpc } from '../../src/quarantine/quarantine.handler.js';
import { QuarantineRepository } from '../../src/quarantine/quarantine.repository.js';
import { QuarantineService, RAW_EXCERPT_BYTES } from '../../src/quarantine/quarantine.service.js';
import type { Reprocessor } from '../../src/quarantine/reprocessor.js';
import { SCHEMA } from '../../src/schema.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { INTAKE_ADDRESS, type IntakeTestContext, createIntakeTestContext, mail } from './intake-context.js';

const ADMIN: Actor = { kind: 'staff', id: 'sub-david', name: 'David Admin', roles: ['admin'] };
const AGENT: Actor = { kind: 'staff', id: 'sub-anna', name: 'Anna Agent', roles: ['agent'] };
const silent: StructuredLogger = { debug() {}, info() {}, warn() {}, error() {} };

let ctx: IntakeTestContext;
let rpc: RpcClient;
let server: RpcServer;
let repository: QuarantineRepository;
let intake: IntakeService;
/** How many times the e-mail channel was actually run again. */
let emailRuns = 0;
let sequence = 0;

function newService(): QuarantineService {
  const counted: Reprocessor = (raw, envelope, origin) => {
    emailRuns += 1;
    return emailReprocessor(intake)(raw, envelope, origin);
  };
  return new QuarantineService(ctx.dataSource, repository, ctx.blobs, { email: counted }, silent);
}

beforeAll(async () => {
  ctx = await createIntakeTestContext();
  repository = new QuarantineRepository(ctx.dataSource, SCHEMA.schema);
  // The context's relay polls every 50 ms, so this service needs no nudge of its own.
  intake = new IntakeService(ctx.dataSource, ctx.blobs, { nudge: () => undefined }, silent, SCHEMA.schema);
  server = startQuarantineRpc({ nc: ctx.nc, names: ctx.names, logger: silent, quarantine: newService() });
  rpc = new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 5000 });
});

afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

const as = (actor: Actor) => ({ actor, correlationId: `quarantine-test-${++sequence}` });

/** A mail whose subject breaks the event contract (over 2000 characters), so intake quarantines it. */
function brokenMail(messageId: string, subject = `${'för lång '.repeat(250)}`): string {
  return mail(
    'From: klagande@example.se',
    `To: ${INTAKE_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Vägen är full av hål.',
  );
}

async function quarantineOne(): Promise<{ id: string; messageId: string; rawBlobKey: string }> {
  const messageId = `<quarantine-${++sequence}-${Date.now()}@example.se>`;
  expect(await ctx.send(brokenMail(messageId))).toMatch(/^250 /);
  const rows = await ctx.dataSource.query<{ id: string; raw_blob_key: string }[]>(
    `SELECT id, raw_blob_key FROM intake.quarantined_message WHERE channel = 'email' ORDER BY received_at DESC LIMIT 1`,
  );
  const row = rows[0];
  expect((await ctx.blobs.get(row.raw_blob_key)).toString('utf8')).toContain(messageId);
  return { id: row.id, messageId, rawBlobKey: row.raw_blob_key };
}

/** What an admin does once the cause is gone: here the stored raw message is repaired in the blob store. */
async function repair(rawBlobKey: string, messageId: string): Promise<void> {
  await ctx.blobs.put(rawBlobKey, Buffer.from(brokenMail(messageId, 'Hål i vägen')), 'message/rfc822');
}

async function publishedFor(messageId: string) {
  const messages = await readStream(ctx.js, ctx.jsm, ctx.names.stream('intake'));
  return messages
    .map((m) => emailReceivedV1.envelope.parse(m.json))
    .filter((envelope) => envelope.data.messageId === messageId);
}

async function rpcError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('the intake quarantine over NATS', () => {
  it('lists and shows a quarantined mail, keeps it while the cause remains, and publishes it once repaired', async () => {
    const { id, messageId, rawBlobKey } = await quarantineOne();

    const page = await rpc.request(listQuarantineV1, { status: 'quarantined' }, as(ADMIN));
    const listed = page.items.find((item) => item.id === id);
    expect(listed).toMatchObject({ channel: 'email', status: 'quarantined', attempts: 0, rawBlobKey });
    expect(listed?.reason).toMatch(/subject/);
    expect(listed?.envelope).toMatchObject({ mailFrom: 'avsandare@example.se', rcptTo: [INTAKE_ADDRESS] });

    const shown = await rpc.request(getQuarantinedV1, { id }, as(ADMIN));
    expect(shown.rawExcerpt).toContain(`Message-ID: ${messageId}`);
    expect(shown.rawSize).toBe((await ctx.blobs.get(rawBlobKey)).length);

    const again = await rpc.request(reprocessQuarantinedV1, { id }, as(ADMIN));
    expect(again).toMatchObject({ outcome: 'quarantined', message: { status: 'quarantined', attempts: 1 } });
    expect(again.reason).toMatch(/subject/);

    await repair(rawBlobKey, messageId);
    const fixed = await rpc.request(reprocessQuarantinedV1, { id }, as(ADMIN));
    expect(fixed).toMatchObject({
      outcome: 'accepted',
      reason: null,
      message: { status: 'reprocessed', attempts: 2, reprocessedBy: ADMIN.id },
    });
    expect(Date.parse(fixed.message.reprocessedAt ?? '')).toBeGreaterThan(Date.parse(fixed.message.receivedAt));

    await expectEventually(async () => expect(await publishedFor(messageId)).toHaveLength(1));
    const [event] = await publishedFor(messageId);
    // The event carries the quarantine row's id and raw blob, so the message keeps one identity throughout.
    expect(event.data).toMatchObject({ intakeId: id, rawBlobKey, subject: 'Hål i vägen' });
    expect(event.data.receivedAt).toBe(fixed.message.receivedAt);

    const repeated = await rpc.request(reprocessQuarantinedV1, { id }, as(ADMIN));
    expect(repeated).toMatchObject({ outcome: 'duplicate', message: { status: 'reprocessed', attempts: 2 } });
    const reprocessed = await rpc.request(listQuarantineV1, { status: 'reprocessed' }, as(ADMIN));
    expect(reprocessed.items.map((item) => item.id)).toContain(id);
    const still = await rpc.request(listQuarantineV1, { status: 'quarantined' }, as(ADMIN));
    expect(still.items.map((item) => item.id)).not.toContain(id);
    expect(await publishedFor(messageId)).toHaveLength(1);
  });

  it('runs a message once when two replicas re-process it at the same moment', async () => {
    const { id, messageId, rawBlobKey } = await quarantineOne();
    await repair(rawBlobKey, messageId);
    const runsBefore = emailRuns;
    const [first, second] = await Promise.all([
      newService().reprocess(id, as(ADMIN)),
      newService().reprocess(id, as(ADMIN)),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(['accepted', 'duplicate']);
    expect(emailRuns - runsBefore).toBe(1);
    const rows = await ctx.dataSource.query<{ attempts: number; status: string }[]>(
      `SELECT attempts, status FROM intake.quarantined_message WHERE id = $1`,
      [id],
    );
    expect(rows).toEqual([{ attempts: 1, status: 'reprocessed' }]);
    await expectEventually(async () => expect(await publishedFor(messageId)).toHaveLength(1));
  });

  it('pages newest first by cursor and filters by status and channel', async () => {
    const sms = [];
    for (let i = 0; i < 3; i++) {
      const smsId = crypto.randomUUID();
      const key = `intake/test/${smsId}/raw.json`;
      await ctx.blobs.put(key, Buffer.from(`{"text":"sms ${i}"}`), 'application/json');
      await repository.add({
        id: smsId,
        channel: 'sms',
        rawBlobKey: key,
        rawSize: 16,
        reason: 'ZodError: from',
        envelope: { remoteAddress: '127.0.0.1' },
        receivedAt: new Date(Date.UTC(2026, 0, 1, 12, 0, i)),
      });
      sms.push(smsId);
    }
    const first = await rpc.request(listQuarantineV1, { channel: 'sms', limit: 2 }, as(ADMIN));
    expect(first.items.map((item) => item.id)).toEqual([sms[2], sms[1]]);
    expect(first.nextCursor).not.toBeNull();
    const second = await rpc.request(
      listQuarantineV1,
      { channel: 'sms', limit: 2, cursor: first.nextCursor ?? undefined },
      as(ADMIN),
    );
    expect(second).toEqual({ items: [expect.objectContaining({ id: sms[0], channel: 'sms' })], nextCursor: null });
    const emails = await rpc.request(listQuarantineV1, { channel: 'email', limit: 200 }, as(ADMIN));
    expect(emails.items.length).toBeGreaterThan(0);
    expect(emails.items.every((item) => item.channel === 'email')).toBe(true);
    const times = emails.items.map((item) => Date.parse(item.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // A channel whose re-processor is not installed says so, and the row is left as it was.
    const error = await rpcError(rpc.request(reprocessQuarantinedV1, { id: sms[0] }, as(ADMIN)));
    expect(error.code).toBe('REQUEST.INVALID');
    expect(error.message).toMatch(/no re-processor for channel sms/i);
    const shown = await rpc.request(getQuarantinedV1, { id: sms[0] }, as(ADMIN));
    expect(shown).toMatchObject({ status: 'quarantined', attempts: 0, rawExcerpt: '{"text":"sms 0"}' });
  });

  it('shows only the first 64 KiB of a large raw message', async () => {
    const id = crypto.randomUUID();
    const key = `intake/test/${id}/raw.eml`;
    const raw = Buffer.concat([Buffer.alloc(RAW_EXCERPT_BYTES, 'a'), Buffer.from('bortom utdraget'.repeat(10_000))]);
    await ctx.blobs.put(key, raw, 'message/rfc822');
    await repository.add({
      id,
      channel: 'email',
      rawBlobKey: key,
      rawSize: raw.length,
      reason: 'Error: too large to parse',
      envelope: {},
      receivedAt: new Date(Date.UTC(2025, 0, 1)),
    });
    const shown = await rpc.request(getQuarantinedV1, { id }, as(ADMIN));
    expect(shown.rawExcerpt).toBe('a'.repeat(RAW_EXCERPT_BYTES));
    expect(shown.rawSize).toBe(raw.length);
  });

  it('answers INTAKE.QUARANTINE_NOT_FOUND for an unknown id, AUTH.FORBIDDEN to a non-admin and REQUEST.INVALID to a bad cursor', async () => {
    const unknown = '01935c4e-7f6a-7b3c-9d2e-000000000000';
    expect((await rpcError(rpc.request(getQuarantinedV1, { id: unknown }, as(ADMIN)))).code).toBe(
      'INTAKE.QUARANTINE_NOT_FOUND',
    );
    expect((await rpcError(rpc.request(reprocessQuarantinedV1, { id: unknown }, as(ADMIN)))).code).toBe(
      'INTAKE.QUARANTINE_NOT_FOUND',
    );
    expect((await rpcError(rpc.request(listQuarantineV1, {}, as(AGENT)))).code).toBe('AUTH.FORBIDDEN');
    expect((await rpcError(rpc.request(reprocessQuarantinedV1, { id: unknown }, as(AGENT)))).code).toBe(
      'AUTH.FORBIDDEN',
    );
    expect((await rpcError(rpc.request(listQuarantineV1, { cursor: 'bm90LWEtY3Vyc29y' }, as(ADMIN)))).code).toBe(
      'REQUEST.INVALID',
    );
  });
});
