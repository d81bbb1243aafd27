import { ImapFlow } from 'imapflow';
import { type EmailReceivedV1Data, emailReceivedV1 } from '@arende/contracts';
import { createMetrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import { expectEventually, readStream } from '@arende/testing';
import { type ImapPoller, startImapPoller } from '../../src/imap/imap-poller.js';
import { SCHEMA } from '../../src/schema.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import {
  MAX_MESSAGE_BYTES,
  type IntakeTestContext,
  type LogLine,
  createIntakeTestContext,
  mail,
} from './intake-context.js';

const MAILBOX_ADDRESS = 'kundtjanst@kommun.test';
const PROCESSED = ['Arende', 'Behandlade'];

let ctx: IntakeTestContext;
let dovecot: Dovecot;
let poller: ImapPoller;
const logs: LogLine[] = [];
const metrics = createMetrics('intake-imap-test');
let sequence = 0;

function recordingLogger(into: LogLine[]): StructuredLogger {
  const record =
    (level: LogLine['level']) =>
    (_fields: object, message: string): void =>
      void into.push({ level, message });
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

function messageId(): string {
  sequence += 1;
  return `<imap-${sequence}-${Date.now()}@example.se>`;
}

function message(id: string, subject = 'Fråga om bygglov', ...headers: string[]): string {
  return mail(
    'Return-Path: <avsandare@example.se>',
    'From: =?UTF-8?Q?Anna_=C3=85str=C3=B6m?= <anna@example.se>',
    `To: ${MAILBOX_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: ${id}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...headers,
    '',
    'Hej! Hur lång tid tar ett bygglov för en altan?',
  );
}

/** A second IMAP connection, as the city's mail server or a person in the mailbox would have. */
async function withMailbox<T>(use: (client: ImapFlow) => Promise<T>, server = dovecot): Promise<T> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout();
  }
}

async function append(raw: string, server = dovecot): Promise<void> {
  await withMailbox(async (client) => {
    await client.append('INBOX', raw);
  }, server);
}

/** The Message-IDs in a folder, in UID order. */
async function messageIdsIn(folder: string | string[], server = dovecot): Promise<string[]> {
  return withMailbox(async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      if (client.mailbox === false || client.mailbox.exists === 0) return [];
      const ids: string[] = [];
      for await (const m of client.fetch('1:*', { uid: true, envelope: true })) ids.push(m.envelope?.messageId ?? '');
      return ids;
    } finally {
      lock.release();
    }
  }, server);
}

async function eventsFor(id: string): Promise<EmailReceivedV1Data[]> {
  const rows = await ctx.dataSource.query<{ payload: { data: EmailReceivedV1Data } }[]>(
    `SELECT payload FROM intake.outbox WHERE payload->'data'->>'messageId' = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((row) => row.payload.data);
}

async function expectProcessed(id: string, copies = 1, server = dovecot): Promise<void> {
  await expectEventually(async () => {
    expect((await messageIdsIn(PROCESSED, server)).filter((m) => m === id)).toHaveLength(copies);
    expect(await messageIdsIn('INBOX', server)).not.toContain(id);
  });
}

async function counted(outcome: string): Promise<number> {
  const { values } = await metrics.inboundMessages.get();
  return values.find((v) => v.labels.channel === 'email' && v.labels.outcome === outcome)?.value ?? 0;
}

function logged(message: string): LogLine[] {
  return logs.filter((line) => line.message === message);
}

const waiting = [messageId(), messageId(), messageId()];

beforeAll(async () => {
  ctx = await createIntakeTestContext();
  dovecot = await startDovecot();
  // Mail that is already there when the poller starts.
  for (const id of waiting) await append(message(id, `Väntande ${id}`));
  const logger = recordingLogger(logs);
  poller = startImapPoller({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
    password: dovecot.password,
    mailbox: 'INBOX',
    processedMailbox: PROCESSED.join('/'),
    address: MAILBOX_ADDRESS,
    // The outbox relay polls every 50 ms in tests; no nudge needed.
    intake: new IntakeService(ctx.dataSource, ctx.blobs, { nudge: () => undefined }, logger, SCHEMA.schema),
    logger,
    metrics,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    // Long: within a test, only IDLE (or a reconnect) can start a pass; retries after a failure are quick.
    pollIntervalMs: 10 * 60_000,
    retryMs: 200,
    reconnectMs: 100,
    maxReconnectMs: 400,
  });
});

afterAll(async () => {
  await poller?.close();
  await dovecot?.close();
  await ctx?.close();
});

describe('IMAP intake', () => {
  it('takes the mail waiting at start in UID order, records source imap and the mailbox envelope, and moves it', async () => {
    for (const id of waiting) await expectProcessed(id);
    const rows = await ctx.dataSource.query<{ message_id: string; rcpt_to: string[] }[]>(
      `SELECT message_id, rcpt_to FROM intake.inbound_message WHERE message_id = ANY($1) ORDER BY received_at`,
      [waiting],
    );
    expect(rows.map((r) => r.message_id)).toEqual(waiting);
    expect(rows[0].rcpt_to).toEqual([MAILBOX_ADDRESS]);
    expect(await messageIdsIn(PROCESSED)).toEqual(waiting);

    const [event] = await eventsFor(waiting[0]);
    expect(event.source).toBe('imap');
    expect(event.from).toEqual([{ address: 'anna@example.se', name: 'Anna Åström' }]);
    expect(event.text.inline).toBe('Hej! Hur lång tid tar ett bygglov för en altan?');
    expect(event.envelope).toEqual({
      mailFrom: 'avsandare@example.se',
      rcptTo: [MAILBOX_ADDRESS],
      remoteAddress: dovecot.host,
      clientHostname: dovecot.host,
      heloName: null,
    });
    expect((await ctx.blobs.get(event.rawBlobKey)).toString('utf8')).toContain(waiting[0]);
  });

  it('publishes the event to the intake stream', async () => {
    const stream = ctx.names.stream('intake');
    await expectEventually(async () => {
      const published = (await readStream(ctx.js, ctx.jsm, stream)).map((m) => emailReceivedV1.envelope.parse(m.json));
      const ours = published.filter((e) => waiting.includes(e.data.messageId));
      expect(ours.map((e) => e.data.messageId)).toEqual(waiting);
      expect(ours.every((e) => e.data.source === 'imap')).toBe(true);
    });
  });

  it('fetches a message appended while it idles within a couple of seconds, without a restart', async () => {
    await expectEventually(async () => expect(await messageIdsIn('INBOX')).toEqual([]));
    const connects = logged('IMAP poller connected').length + logged('IMAP connection restored').length;
    const id = messageId();
    await append(message(id));
    await expectEventually(async () => expect(await eventsFor(id)).toHaveLength(1), { timeoutMs: 3000 });
    await expectProcessed(id);
    expect(logged('IMAP poller connected').length + logged('IMAP connection restored').length).toBe(connects);
  });

  it('applies the same Message-ID appended twice once, and moves both copies', async () => {
    const [accepted, duplicate] = [await counted('accepted'), await counted('duplicate')];
    const id = messageId();
    await append(message(id));
    await append(message(id));
    await expectProcessed(id, 2);
    expect(await eventsFor(id)).toHaveLength(1);
    const rows = await ctx.dataSource.query<unknown[]>(`SELECT 1 FROM intake.inbound_message WHERE message_id = $1`, [
      id,
    ]);
    expect(rows).toHaveLength(1);
    expect([await counted('accepted'), await counted('duplicate')]).toEqual([accepted + 1, duplicate + 1]);
  });

  it('quarantines a message that breaks the contract, keeps it raw and moves it', async () => {
    const quarantined = await counted('quarantined');
    const id = messageId();
    await append(message(id, 'lång '.repeat(500)));
    await expectProcessed(id);
    expect(await eventsFor(id)).toHaveLength(0);
    const rows = await ctx.dataSource.query<{ reason: string; raw_blob_key: string; envelope: { rcptTo: string[] } }[]>(
      `SELECT reason, raw_blob_key, envelope FROM intake.quarantined_message`,
    );
    const ours = [];
    for (const row of rows) {
      if ((await ctx.blobs.get(row.raw_blob_key)).toString('utf8').includes(id)) ours.push(row);
    }
    expect(ours).toHaveLength(1);
    expect(ours[0].reason).toMatch(/subject/);
    expect(ours[0].envelope.rcptTo).toEqual([MAILBOX_ADDRESS]);
    expect(await counted('quarantined')).toBe(quarantined + 1);
  });

  it('leaves a message over the size limit in the mailbox, reports it once and goes on with the next', async () => {
    const refused = await counted('refused');
    const big = messageId();
    const filler = Array.from({ length: MAX_MESSAGE_BYTES / 64 + 10 }, () => 'x'.repeat(62)).join('\r\n');
    await append(message(big, 'Stor bilaga', 'X-Filler: yes').replace(/\r\n\r\n.*$/s, `\r\n\r\n${filler}\r\n`));
    const next = messageId();
    await append(message(next));
    await expectProcessed(next);
    expect(await messageIdsIn('INBOX')).toEqual([big]);
    expect(await eventsFor(big)).toHaveLength(0);
    expect(logged('Message over the size limit left in the IMAP mailbox')).toHaveLength(1);

    // One more pass (a new message) does not report it again.
    const after = messageId();
    await append(message(after));
    await expectProcessed(after);
    expect(logged('Message over the size limit left in the IMAP mailbox')).toHaveLength(1);
    expect(await counted('refused')).toBe(refused + 1);

    await withMailbox(async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        await client.messageDelete('1:*');
      } finally {
        lock.release();
      }
    });
  });

  it('leaves a message in the mailbox while intake fails and takes it once the fault is gone', async () => {
    const [failed, accepted] = [await counted('failed'), await counted('accepted')];
    await ctx.dataSource.query(`ALTER TABLE intake.inbound_message RENAME TO inbound_message_away`);
    const id = messageId();
    try {
      await append(message(id));
      await expectEventually(() =>
        expect(logged('Message not stored; it stays in the IMAP mailbox and is retried').length).toBeGreaterThanOrEqual(
          2,
        ),
      );
      expect(await messageIdsIn('INBOX')).toEqual([id]);
      expect(await messageIdsIn(PROCESSED)).not.toContain(id);
    } finally {
      await ctx.dataSource.query(`ALTER TABLE intake.inbound_message_away RENAME TO inbound_message`);
    }
    await expectProcessed(id);
    expect(await eventsFor(id)).toHaveLength(1);
    expect(await counted('failed')).toBeGreaterThanOrEqual(failed + 2);
    expect(await counted('accepted')).toBe(accepted + 1);
  });

  it('reconnects after the server was away, warning once, and takes the mail delivered meanwhile', async () => {
    const warningsBefore = logs.filter((l) => l.level === 'warn').length;
    const connectionsBefore = logged('IMAP connection restored').length;
    await dovecot.stop();
    await expectEventually(() => expect(logged('IMAP server still unreachable').length).toBeGreaterThanOrEqual(2));
    const id = messageId();
    await dovecot.deliver(message(id, 'Medan servern var borta'));
    await dovecot.start();

    await expectEventually(() => expect(logged('IMAP connection restored')).toHaveLength(connectionsBefore + 1));
    await expectProcessed(id);
    expect(await eventsFor(id)).toHaveLength(1);
    const warnings = logs.filter((l) => l.level === 'warn').slice(warningsBefore);
    expect(warnings.map((l) => l.message)).toEqual(['IMAP connection lost; reconnecting with backoff']);

    // And it idles again on the new connection.
    const later = messageId();
    await append(message(later));
    await expectEventually(async () => expect(await eventsFor(later)).toHaveLength(1), { timeoutMs: 3000 });
  });

  it('applies a message stored but not moved (the process died in between) once when it comes again', async () => {
    const own: LogLine[] = [];
    const logger = recordingLogger(own);
    const intake = new IntakeService(ctx.dataSource, ctx.blobs, { nudge: () => undefined }, logger, SCHEMA.schema);
    const outcomes: string[] = [];
    let crashed = false;
    const other = startImapPoller({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.otherUser,
      password: dovecot.password,
      mailbox: 'INBOX',
      processedMailbox: PROCESSED.join('/'),
      address: MAILBOX_ADDRESS,
      intake: {
        receive: async (...args) => {
          const outcome = await intake.receive(...args);
          outcomes.push(outcome.kind);
          if (crashed) return outcome;
          crashed = true;
          throw new Error('gone before the move');
        },
      },
      logger,
      retryMs: 100,
    });
    try {
      const id = messageId();
      await withMailbox((client) => client.append('INBOX', message(id)).then(() => undefined), {
        ...dovecot,
        user: dovecot.otherUser,
      });
      await expectEventually(() => expect(outcomes).toEqual(['accepted', 'duplicate']));
      await expectProcessed(id, 1, { ...dovecot, user: dovecot.otherUser });
      expect(await eventsFor(id)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('logs out on close', async () => {
    const user = dovecot.otherUser;
    const sessions = async (): Promise<{ opened: number; ended: number; loggedOut: number }> => {
      const log = await dovecot.log();
      const count = (pattern: RegExp): number => (log.match(pattern) ?? []).length;
      return {
        opened: count(new RegExp(`Login: user=<${user}>`, 'g')),
        ended: count(new RegExp(`imap\\(${user}\\)<[^>]*><[^>]*>: Info: Disconnected`, 'g')),
        loggedOut: count(new RegExp(`imap\\(${user}\\)<[^>]*><[^>]*>: Info: Disconnected: Logged out`, 'g')),
      };
    };
    // Every earlier session of this user has ended and been logged.
    const before = await expectEventually(async () => {
      const now = await sessions();
      expect(now.ended).toBe(now.opened);
      return now;
    });
    const own: LogLine[] = [];
    const other = startImapPoller({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      user: dovecot.otherUser,
      password: dovecot.password,
      mailbox: 'INBOX',
      processedMailbox: PROCESSED.join('/'),
      address: MAILBOX_ADDRESS,
      intake: { receive: () => Promise.reject(new Error('its mailbox is empty')) },
      logger: recordingLogger(own),
    });
    await expectEventually(() => expect(own.map((l) => l.message)).toContain('IMAP poller connected'));
    expect(await sessions()).toEqual({ ...before, opened: before.opened + 1 });
    await other.close();
    await expectEventually(async () =>
      expect(await sessions()).toEqual({
        opened: before.opened + 1,
        ended: before.ended + 1,
        loggedOut: before.loggedOut + 1,
      }),
    );
    expect(own.filter((l) => l.level !== 'info' && l.level !== 'debug')).toEqual([]);
  });
});

describe('IMAP intake from a server without IDLE and MOVE', () => {
  let plain: Dovecot;
  let polling: ImapPoller;
  const own: (LogLine & { fields: object })[] = [];

  beforeAll(async () => {
    plain = await startDovecot({ without: ['IDLE', 'MOVE'] });
    const record =
      (level: LogLine['level']) =>
      (fields: object, message: string): void =>
        void own.push({ level, message, fields });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    polling = startImapPoller({
      host: plain.host,
      port: plain.port,
      secure: false,
      user: plain.user,
      password: plain.password,
      mailbox: 'INBOX',
      processedMailbox: PROCESSED.join('/'),
      address: MAILBOX_ADDRESS,
      intake: new IntakeService(ctx.dataSource, ctx.blobs, { nudge: () => undefined }, logger, SCHEMA.schema),
      logger,
      pollIntervalMs: 300,
    });
    const connected = await expectEventually(() => {
      const line = own.find((l) => l.message === 'IMAP poller connected');
      expect(line).toBeDefined();
      return line;
    });
    expect(connected?.fields).toMatchObject({ idle: false, move: false });
  });

  afterAll(async () => {
    await polling?.close();
    await plain?.close();
  });

  it('polls at its interval and moves by COPY, \\Deleted and EXPUNGE', async () => {
    const ids = [messageId(), messageId()];
    for (const id of ids) await append(message(id), plain);
    for (const id of ids) await expectProcessed(id, 1, plain);
    for (const id of ids) expect(await eventsFor(id)).toHaveLength(1);
    expect(await messageIdsIn(PROCESSED, plain)).toEqual(ids);
    expect(own.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });
});
