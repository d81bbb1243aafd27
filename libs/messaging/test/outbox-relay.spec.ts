import { fork } from 'node:child_process';
import path from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { createTestContext, expectEventually, factory, readStream, type TestContext } from '@arende/testing';
import type { StructuredLogger } from '@arende/persistence';
import {
  connectNats,
  createEnvelope,
  ensureStreams,
  MessagingNames,
  Outbox,
  OutboxRelay,
  type OutboxRelayOptions,
  type OutboxRow,
} from '../src/index.js';
import { contextOptions, pingedV1, SCHEMA } from './support/schema.js';

function recordingLogger() {
  const lines: { level: string; message: string; fields: object }[] = [];
  const at =
    (level: string) =>
    (fields: object, message: string): void => {
      lines.push({ level, message, fields });
    };
  const logger: StructuredLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe(OutboxRelay.name, () => {
  let ctx: TestContext;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(contextOptions);
    await ensureStreams(ctx.jsm, ctx.names, ['case'], { storage: 'memory' });
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await ctx.dataSource.query(`TRUNCATE ${SCHEMA}.outbox`);
    await ctx.jsm.streams.purge(ctx.names.stream('case'));
  });

  afterAll(() => ctx.close());

  const stream = () => ctx.names.stream('case');
  const envelope = (n: number) =>
    createEnvelope(pingedV1, { n }, { actor: factory.actor(), correlationId: factory.correlationId() });

  function startRelay(overrides: Partial<OutboxRelayOptions> = {}) {
    const relay = new OutboxRelay({
      dataSource: ctx.dataSource,
      js: ctx.js,
      names: ctx.names,
      logger: recordingLogger().logger,
      pollIntervalMs: 50,
      ...overrides,
    });
    relays.push(relay);
    relay.start();
    return relay;
  }

  async function commit(count: number, from = 0) {
    const envelopes = Array.from({ length: count }, (_, i) => envelope(from + i));
    await ctx.dataSource.transaction(async (manager) => {
      for (const e of envelopes) await Outbox.add(manager, e);
    });
    return envelopes;
  }

  const unsent = async () =>
    (
      await ctx.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE sent_at IS NULL`,
      )
    )[0].n;

  async function streamIds(expected: number) {
    return expectEventually(async () => {
      const messages = await readStream(ctx.js, ctx.jsm, stream());
      expect(messages).toHaveLength(expected);
      return messages.map((m) => (m.json as { id: string }).id);
    });
  }

  it('never publishes rows written in a rolled-back transaction', async () => {
    const rolledBack = envelope(1);
    await expect(
      ctx.dataSource.transaction(async (manager) => {
        await Outbox.add(manager, rolledBack);
        throw new Error('the service rule failed');
      }),
    ).rejects.toThrow('the service rule failed');
    const [committed] = await commit(1, 2);
    const relay = startRelay();
    relay.nudge();

    expect(await streamIds(1)).toEqual([committed.id]);
    const messages = await readStream(ctx.js, ctx.jsm, stream());
    expect(messages[0].subject).toBe(ctx.names.subject(pingedV1.subject));
    expect(messages[0].headers?.get('Nats-Msg-Id')).toBe(committed.id);
    expect(messages[0].headers?.get('Arende-Correlation-Id')).toBe(committed.correlationId);
  });

  it('publishes a committed batch of 1,000 events once each, in seq order, and marks them sent', async () => {
    const envelopes = await commit(1000);
    startRelay({ batchSize: 300 });

    expect(await streamIds(1000)).toEqual(envelopes.map((e) => e.id));
    await expectEventually(async () => expect(await unsent()).toBe(0));
  });

  it('publishes nothing twice and loses nothing when killed between publish and mark-sent', async () => {
    const envelopes = await commit(250);
    const child = fork(path.join(import.meta.dirname, 'support/relay-child.ts'), [], {
      execPath: process.execPath,
      execArgv: ['--import', path.join(import.meta.dirname, 'support/swc-register.mjs')],
      env: {
        ...process.env,
        CHILD_DATABASE_URL: ctx.databaseUrl,
        CHILD_NATS_URL: ctx.natsUrl,
        CHILD_PREFIX: ctx.prefix,
      },
      stdio: 'inherit',
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, sig) => resolve(sig)),
    );

    expect(signal).toBe('SIGKILL');
    expect(await streamIds(100)).toEqual(envelopes.slice(0, 100).map((e) => e.id));
    expect(await unsent()).toBe(250);

    startRelay({ batchSize: 100 });
    await expectEventually(async () => expect(await unsent()).toBe(0));
    expect(await streamIds(250)).toEqual(envelopes.map((e) => e.id));
  });

  it('keeps order and publishes once with two relays on the same schema', async () => {
    const published: string[] = [];
    const record = (rows: readonly OutboxRow[]) => {
      published.push(...rows.map((row) => row.id));
    };
    const otherNc = await connectNats({ servers: ctx.natsUrl, name: 'second-relay' });
    try {
      const first = startRelay({ batchSize: 40, afterPublish: record });
      const second = startRelay({ batchSize: 40, afterPublish: record, js: jetstream(otherNc) });
      const envelopes = [];
      for (let i = 0; i < 6; i++) {
        envelopes.push(...(await commit(50, i * 50)));
        first.nudge();
        second.nudge();
      }

      await expectEventually(async () => expect(await unsent()).toBe(0));
      expect(published).toEqual(envelopes.map((e) => e.id));
      expect(await streamIds(300)).toEqual(envelopes.map((e) => e.id));
    } finally {
      await Promise.all(relays.splice(0).map((relay) => relay.stop()));
      await otherNc.drain();
    }
  });

  it('retries with backoff while publishing fails, logs the outage once, and recovers', async () => {
    // A prefix with no streams yet: every publish fails until the streams exist.
    const names = new MessagingNames(`${ctx.prefix}down_`);
    const { logger, lines } = recordingLogger();
    const [e] = await commit(1);
    startRelay({ names, logger, pollIntervalMs: 5, maxBackoffMs: 20 });

    await expectEventually(() =>
      expect(lines.filter((l) => l.message === 'Outbox relay retry failed').length).toBeGreaterThan(3),
    );
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(await unsent()).toBe(1);

    await ensureStreams(ctx.jsm, names, ['case'], { storage: 'memory' });
    await expectEventually(async () => expect(await unsent()).toBe(0));
    const messages = await readStream(ctx.js, ctx.jsm, names.stream('case'));
    expect(messages.map((m) => (m.json as { id: string }).id)).toEqual([e.id]);
    expect(lines.some((l) => l.message === 'Outbox relay recovered')).toBe(true);
  });

  it('deletes sent rows past retention and keeps the rest', async () => {
    const [old, recent] = await commit(2);
    await ctx.dataSource.query(`UPDATE ${SCHEMA}.outbox SET sent_at = now() - interval '8 days' WHERE id = $1`, [
      old.id,
    ]);
    startRelay({ retentionDays: 7 });

    await expectEventually(async () => {
      const rows = await ctx.dataSource.query<{ id: string }[]>(`SELECT id FROM ${SCHEMA}.outbox ORDER BY seq`);
      expect(rows.map((r) => r.id)).toEqual([recent.id]);
    });
    expect(await unsent()).toBe(0);
  });

  it('replays sent rows since a time, in order, with the same message ids', async () => {
    const envelopes = await commit(5);
    const relay = startRelay();
    await expectEventually(async () => expect(await unsent()).toBe(0));
    await ctx.dataSource.query(`UPDATE ${SCHEMA}.outbox SET sent_at = now() - interval '1 hour' WHERE id = $1`, [
      envelopes[0].id,
    ]);
    // The broker lost its data: the stream comes back empty (and with no duplicate-window memory).
    await ctx.jsm.streams.delete(stream());
    await ensureStreams(ctx.jsm, ctx.names, ['case'], { storage: 'memory' });

    const replayed = await relay.replay(new Date(Date.now() - 60_000));

    expect(replayed).toBe(4);
    expect(await streamIds(4)).toEqual(envelopes.slice(1).map((e) => e.id));
  });
});
