import type { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { HEADERS, type EventContract, type EventEnvelope } from '@arende/contracts';
import { correlation, type Metrics } from '@arende/observability';
import { queryPrepared, quoteIdent, schemaOf, type StructuredLogger } from '@arende/persistence';
import type { MessagingNames } from './names.js';

/** The envelope type of one or more event contracts (a union for several). */
export type EnvelopeOf<C extends EventContract> = C extends EventContract<infer T> ? EventEnvelope<z.output<T>> : never;

export interface IdempotentConsumerOptions<C extends EventContract> {
  dataSource: DataSource;
  /** Schema holding `processed_message`; default: the DataSource's. */
  schema?: string;
  js: JetStreamClient;
  names: MessagingNames;
  /** The consuming service (the dead-letter subject is `deadletter.<service>.<durable>`). */
  service: string;
  /** Durable consumer name, also the `consumer` column of `processed_message`. Do not rename casually. */
  durable: string;
  /** Owner of the stream to read (default: the owner of the first contract). */
  owner?: string;
  /** The events this consumer accepts; each message is parsed with the contract of its subject. */
  contracts: readonly C[];
  /** Unprefixed subjects to read (default: the contracts' subjects). Wildcards allowed. */
  filterSubjects?: string[];
  /** Applies one event, inside the transaction that records it as processed. Throw to retry. */
  handle: (envelope: EnvelopeOf<C>, manager: EntityManager) => Promise<void>;
  /** Deliveries before a failing message is dead-lettered (default 5). */
  maxDeliver?: number;
  /** Pause before redelivery after the 1st, 2nd, … failure; the last value repeats. */
  backoffMs?: number[];
  /** How long a delivered message may go unacknowledged before JetStream redelivers it (default 30 s). */
  ackWaitMs?: number;
  /** Messages buffered ahead of the handler (default 10; their ack wait runs while they wait). */
  prefetch?: number;
  /** Where a new durable starts (default `all`). */
  deliverPolicy?: 'all' | 'new';
  logger: StructuredLogger;
  /** Called after a handler's transaction committed (e.g. to nudge an outbox relay). */
  onApplied?: () => void;
  /**
   * Messages handled at once (default 1). Messages with the same `orderKey` are still handled one after
   * another, in stream order; without an `orderKey` every message may overtake another.
   */
  concurrency?: number;
  /** Which messages must keep their order among themselves (e.g. one sender's messages). */
  orderKey?: (envelope: EnvelopeOf<C>) => string;
  /** Counts each message by subject and outcome: ok, duplicate, retry, dead_letter. */
  metrics?: Pick<Metrics, 'eventsConsumed'>;
}

const DEFAULT_BACKOFF_MS = [1_000, 5_000, 30_000, 60_000];
const nanos = (ms: number) => ms * 1_000_000;
// Header values are single lines; keep reasons short enough for any NATS max_payload.
const headerValue = (value: string) => value.replace(/[\r\n]+/g, ' ').slice(0, 1000);

/**
 * A durable pull consumer that applies each event at most once: the `(consumer, message_id)` row
 * in `processed_message` is inserted in the same transaction as the handler's effect, so a
 * redelivered or duplicated message is acknowledged and skipped. Failures are nak'ed with backoff;
 * after `maxDeliver` deliveries, or at once for a payload that breaks its contract, the message is
 * published to the dead-letter subject with its reason and terminated.
 */
export class IdempotentConsumer<C extends EventContract> {
  private readonly schema: string;
  private readonly owner: string;
  private readonly maxDeliver: number;
  private readonly backoffMs: number[];
  private readonly bySubject: Map<string, C>;
  private readonly insertProcessed: string;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly options: IdempotentConsumerOptions<C>) {
    if (options.contracts.length === 0) throw new Error('IdempotentConsumer needs at least one contract');
    this.schema = options.schema ?? schemaOf(options.dataSource);
    this.owner = options.owner ?? options.contracts[0].owner;
    this.maxDeliver = options.maxDeliver ?? 5;
    this.backoffMs = options.backoffMs?.length ? options.backoffMs : DEFAULT_BACKOFF_MS;
    this.bySubject = new Map(options.contracts.map((contract) => [contract.subject, contract]));
    this.insertProcessed =
      `INSERT INTO ${quoteIdent(this.schema)}.processed_message (consumer, message_id) VALUES ($1, $2) ` +
      `ON CONFLICT DO NOTHING RETURNING 1 AS inserted`;
  }

  /** Creates or updates the durable consumer and starts handling messages. */
  async start(): Promise<void> {
    const { js, names, durable } = this.options;
    const stream = names.stream(this.owner);
    await this.ensureConsumer(stream);
    const consumer = await js.consumers.get(stream, durable);
    this.stopping = false;
    const concurrency = this.options.concurrency ?? 1;
    this.messages = await consumer.consume({ max_messages: Math.max(this.options.prefetch ?? 10, concurrency * 2) });
    this.loop = this.run(this.messages);
  }

  /** Stops pulling, finishes the message in hand, returns buffered ones for redelivery. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
    this.messages = undefined;
  }

  private async ensureConsumer(stream: string): Promise<void> {
    const jsm = await this.options.js.jetstreamManager();
    const filters = (this.options.filterSubjects ?? [...this.bySubject.keys()]).map((s) =>
      this.options.names.subject(s),
    );
    // filter_subjects (several) needs nats-server 2.10; older servers get the whole stream and we skip the rest.
    const filter: Partial<ConsumerConfig> =
      filters.length === 1
        ? { filter_subject: filters[0] }
        : versionAtLeast(this.serverVersion(), 2, 10)
          ? { filter_subjects: filters }
          : { filter_subject: this.options.names.streamSubjects(this.owner) };
    const config: Partial<ConsumerConfig> = {
      durable_name: this.options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: this.options.deliverPolicy === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      max_deliver: this.maxDeliver,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      ...filter,
    };
    try {
      await jsm.consumers.info(stream, this.options.durable);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.ConsumerNotFound) throw error;
      await jsm.consumers.add(stream, config);
      return;
    }
    const { max_deliver, ack_wait, filter_subject, filter_subjects } = config;
    await jsm.consumers.update(stream, this.options.durable, {
      max_deliver,
      ack_wait,
      filter_subject,
      filter_subjects,
    });
  }

  private serverVersion(): string {
    // The client's type hides its connection; the implementation carries it (nats.js 3.x).
    const nc = (this.options.js as { nc?: { info?: { version?: string } } }).nc;
    return nc?.info?.version ?? '0.0.0';
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    const concurrency = this.options.concurrency ?? 1;
    const inFlight = new Set<Promise<void>>();
    // The last promise of each order key: a message waits for the one before it with the same key.
    const lanes = new Map<string, Promise<void>>();
    for await (const msg of messages) {
      if (this.stopping) {
        msg.nak();
        continue;
      }
      const parsed = this.parse(msg);
      const key = parsed.kind === 'ok' && this.options.orderKey ? this.options.orderKey(parsed.envelope) : null;
      const before = key === null ? undefined : lanes.get(key);
      const task: Promise<void> = (before ?? Promise.resolve())
        .then(() => this.settle(msg, parsed))
        .catch((error: unknown) => {
          // Only reached when even the nak or dead-letter path failed; JetStream redelivers after ack_wait.
          this.options.logger.error(
            { err: error, durable: this.options.durable },
            'Consumer could not settle a message',
          );
        })
        .finally(() => {
          inFlight.delete(task);
          if (key !== null && lanes.get(key) === task) lanes.delete(key);
        });
      inFlight.add(task);
      if (key !== null) lanes.set(key, task);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private parse(msg: JsMsg): Parsed<C> {
    const { names } = this.options;
    const subject = msg.subject.startsWith(names.prefix) ? names.unprefix(msg.subject) : msg.subject;
    const contract = this.bySubject.get(subject);
    if (!contract) return { kind: 'skip', subject };
    let raw: unknown;
    try {
      raw = msg.json<unknown>();
    } catch {
      return { kind: 'invalid', subject, reason: 'INVALID_PAYLOAD: not JSON' };
    }
    const parsed = contract.envelope.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
      return { kind: 'invalid', subject, reason: `INVALID_PAYLOAD: ${issues}` };
    }
    const envelope = parsed.data as EnvelopeOf<C>;
    if (envelope.type !== subject) {
      return { kind: 'invalid', subject, reason: `INVALID_PAYLOAD: type ${envelope.type} sent on ${subject}` };
    }
    return { kind: 'ok', subject, envelope };
  }

  private async settle(msg: JsMsg, parsed: Parsed<C>): Promise<void> {
    const { logger, durable } = this.options;
    const { subject } = parsed;
    if (parsed.kind === 'skip') {
      logger.debug({ subject, durable }, 'Consumer skipped a subject it has no contract for');
      msg.ack();
      return;
    }
    if (parsed.kind === 'invalid') return this.deadLetter(msg, subject, parsed.reason);
    const { envelope } = parsed;

    try {
      const applied = await correlation.run(envelope.correlationId, () =>
        this.options.dataSource.transaction(async (manager) => {
          const inserted = await queryPrepared(manager, this.insertProcessed, [durable, envelope.id]);
          if (inserted.length === 0) return false;
          await this.options.handle(envelope, manager);
          return true;
        }),
      );
      msg.ack();
      if (applied) this.options.onApplied?.();
      this.count(subject, applied ? 'ok' : 'duplicate');
      if (!applied) logger.debug({ messageId: envelope.id, durable }, 'Consumer skipped a duplicate');
    } catch (error) {
      const deliveries = msg.info.deliveryCount;
      const reason = error instanceof Error ? error.message : String(error);
      if (deliveries >= this.maxDeliver) {
        return this.deadLetter(msg, subject, `HANDLER_FAILED: ${reason}`, envelope.correlationId);
      }
      const delay = this.backoffMs[Math.min(deliveries - 1, this.backoffMs.length - 1)];
      logger.warn(
        { err: error, messageId: envelope.id, durable, delivery: deliveries, retryInMs: delay },
        'Consumer handler failed; retrying',
      );
      msg.nak(delay);
      this.count(subject, 'retry');
    }
  }

  private count(subject: string, outcome: 'ok' | 'duplicate' | 'retry' | 'dead_letter'): void {
    this.options.metrics?.eventsConsumed.labels(subject, outcome).inc();
  }

  /** Quarantines a message with its reason, then terminates it (never redelivered). */
  private async deadLetter(msg: JsMsg, subject: string, reason: string, correlationId?: string): Promise<void> {
    const { js, names, service, durable, logger } = this.options;
    const h = headers();
    h.set(HEADERS.deadLetterReason, headerValue(reason));
    h.set(HEADERS.deadLetterSubject, subject);
    h.set(HEADERS.deliveryCount, String(msg.info.deliveryCount));
    if (correlationId) h.set(HEADERS.correlationId, correlationId);
    try {
      await js.publish(names.deadLetterSubject(service, durable), msg.data, {
        headers: h,
        msgID: `${durable}:${msg.info.stream}:${msg.info.streamSequence}`,
      });
    } catch (error) {
      // Not quarantined, so not terminated either: try again later.
      logger.error({ err: error, subject, durable }, 'Dead-letter publish failed; message will be redelivered');
      msg.nak(this.backoffMs[this.backoffMs.length - 1]);
      return;
    }
    // No reason argument: nats-server 2.9 ignores "+TERM <reason>" (it matches +TERM exactly).
    msg.term();
    this.count(subject, 'dead_letter');
    logger.warn(
      {
        subject,
        durable,
        reason: headerValue(reason),
        delivery: msg.info.deliveryCount,
        streamSeq: msg.info.streamSequence,
      },
      'Message dead-lettered',
    );
  }
}

type Parsed<C extends EventContract> =
  | { kind: 'ok'; subject: string; envelope: EnvelopeOf<C> }
  | { kind: 'skip'; subject: string }
  | { kind: 'invalid'; subject: string; reason: string };

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map((part) => parseInt(part, 10));
  return a > major || (a === major && b >= minor);
}
