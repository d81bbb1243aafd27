import type { EntityManager } from 'typeorm';
import { createTestContext, expectEventually, factory, readStream, type TestContext } from '@arende/testing';
import { correlation } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import {
  createEnvelope,
  ensureStreams,
  IdempotentConsumer,
  type EnvelopeOf,
  type IdempotentConsumerOptions,
} from '../src/index.js';
import { contextOptions, pingedV1, SCHEMA } from './support/schema.js';

const silent: StructuredLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
type Pinged = EnvelopeOf<typeof pingedV1>;

describe(IdempotentConsumer.name, () => {
  let ctx: TestContext;
  let consumer: IdempotentConsumer<typeof pingedV1> | undefined;
  let durableCount = 0;

  beforeAll(async () => {
    ctx = await createTestContext(contextOptions);
    await ensureStreams(ctx.jsm, ctx.names, ['case'], { storage: 'memory' });
  });

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    await ctx.jsm.streams.purge(ctx.names.stream('case'));
    await ctx.jsm.streams.purge(ctx.names.deadLetterStream);
    await ctx.dataSource.query(`TRUNCATE ${SCHEMA}.effect, ${SCHEMA}.processed_message`);
  });

  afterAll(() => ctx.close());

  const applyEffect = (envelope: Pinged, manager: EntityManager) =>
    manager.query(`INSERT INTO ${SCHEMA}.effect (message_id, n) VALUES ($1, $2)`, [envelope.id, envelope.data.n]);

  async function startConsumer(overrides: Partial<IdempotentConsumerOptions<typeof pingedV1>>) {
    durableCount += 1;
    consumer = new IdempotentConsumer({
      dataSource: ctx.dataSource,
      js: ctx.js,
      names: ctx.names,
      service: 'routing',
      durable: `pinged-${durableCount}`,
      contracts: [pingedV1],
      handle: applyEffect,
      backoffMs: [10],
      logger: silent,
      ...overrides,
    });
    await consumer.start();
    return consumer;
  }

  const envelope = (n: number) =>
    createEnvelope(pingedV1, { n }, { actor: factory.actor(), correlationId: factory.correlationId() });
  const publish = (body: unknown, msgID: string) =>
    ctx.js.publish(ctx.names.subject(pingedV1.subject), JSON.stringify(body), { msgID });
  const effects = () =>
    ctx.dataSource.query<{ message_id: string; n: number }[]>(`SELECT message_id, n FROM ${SCHEMA}.effect ORDER BY id`);

  async function settled(durable: string, messages: number) {
    await expectEventually(async () => {
      const info = await ctx.jsm.consumers.info(ctx.names.stream('case'), durable);
      expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(messages);
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
    });
  }

  it('applies a message delivered twice only once, inside its correlation id', async () => {
    const seen: (string | undefined)[] = [];
    const e = envelope(7);
    await publish(e, 'first-copy');
    await publish(e, 'second-copy');
    await startConsumer({
      durable: 'twice',
      handle: async (envelope, manager) => {
        seen.push(correlation.id());
        await applyEffect(envelope, manager);
      },
    });

    await settled('twice', 2);
    expect(await effects()).toEqual([{ message_id: e.id, n: 7 }]);
    expect(seen).toEqual([e.correlationId]);
  });

  it('rolls back the processed row with a failing handler, so the retry applies the message', async () => {
    let calls = 0;
    const e = envelope(3);
    await startConsumer({
      durable: 'flaky',
      handle: async (envelope, manager) => {
        calls += 1;
        await applyEffect(envelope, manager);
        if (calls === 1) throw new Error('deadlock detected');
      },
    });
    await publish(e, e.id);

    await settled('flaky', 1);
    expect(calls).toBe(2);
    expect(await effects()).toEqual([{ message_id: e.id, n: 3 }]);
    const processed = await ctx.dataSource.query<unknown[]>(
      `SELECT consumer, message_id FROM ${SCHEMA}.processed_message`,
    );
    expect(processed).toEqual([{ consumer: 'flaky', message_id: e.id }]);
  });

  it('dead-letters a message whose handler keeps failing after maxDeliver deliveries', async () => {
    let calls = 0;
    const e = envelope(5);
    await startConsumer({
      durable: 'failing',
      maxDeliver: 3,
      handle: () => {
        calls += 1;
        return Promise.reject(new Error('customer register unreachable'));
      },
    });
    await publish(e, e.id);

    const [dead] = await expectEventually(async () => {
      const messages = await readStream(ctx.js, ctx.jsm, ctx.names.deadLetterStream);
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(dead.subject).toBe(ctx.names.deadLetterSubject('routing', 'failing'));
    expect(dead.headers?.get('Arende-Dead-Letter-Reason')).toBe('HANDLER_FAILED: customer register unreachable');
    expect(dead.headers?.get('Arende-Dead-Letter-Subject')).toBe(pingedV1.subject);
    expect(dead.headers?.get('Arende-Delivery-Count')).toBe('3');
    expect(dead.headers?.get('Arende-Correlation-Id')).toBe(e.correlationId);
    expect((dead.json as { id: string }).id).toBe(e.id);
    await settled('failing', 1);
    expect(calls).toBe(3);
    expect(await effects()).toEqual([]);
  });

  it('dead-letters a payload that breaks its contract at once, without calling the handler', async () => {
    let calls = 0;
    await startConsumer({
      durable: 'strict',
      handle: () => {
        calls += 1;
        return Promise.resolve();
      },
    });
    await publish({ ...envelope(1), data: { n: 'one' } }, 'garbage-1');

    const [dead] = await expectEventually(async () => {
      const messages = await readStream(ctx.js, ctx.jsm, ctx.names.deadLetterStream);
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(dead.headers?.get('Arende-Dead-Letter-Reason')).toMatch(/^INVALID_PAYLOAD: data\.n: /);
    expect(dead.headers?.get('Arende-Delivery-Count')).toBe('1');
    await settled('strict', 1);
    const info = await ctx.jsm.consumers.info(ctx.names.stream('case'), 'strict');
    expect(info.num_redelivered).toBe(0);
    expect(calls).toBe(0);
  });

  it('handles several messages at once, keeps the order of messages with the same key, and reports each commit', async () => {
    const events = Array.from({ length: 24 }, (_, i) => envelope(i));
    for (const e of events) await publish(e, e.id);
    const handled: number[] = [];
    let active = 0;
    let mostActive = 0;
    let applied = 0;
    await startConsumer({
      durable: 'parallel',
      concurrency: 4,
      orderKey: (e) => String(e.data.n % 3),
      onApplied: () => void applied++,
      handle: async (e, manager) => {
        active += 1;
        mostActive = Math.max(mostActive, active);
        // Later messages of a key finish sooner if let alone: order must come from the consumer.
        await new Promise((resolve) => setTimeout(resolve, 30 - e.data.n));
        handled.push(e.data.n);
        active -= 1;
        await applyEffect(e, manager);
      },
    });

    await settled('parallel', events.length);
    expect((await effects()).length).toBe(events.length);
    expect(applied).toBe(events.length);
    expect(mostActive).toBeGreaterThan(1);
    expect(mostActive).toBeLessThanOrEqual(4);
    for (const key of [0, 1, 2]) {
      const ofKey = handled.filter((n) => n % 3 === key);
      expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
    }
  });
});
