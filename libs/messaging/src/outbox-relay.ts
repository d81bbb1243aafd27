import type { Metrics } from '@arende/observability';
import type { DataSource, EntityManager } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { HEADERS } from '@arende/contracts';
import { ADVISORY_LOCK, quoteIdent, schemaOf, type StructuredLogger } from '@arende/persistence';
import type { MessagingNames } from './names.js';

/** One outbox row as the relay reads it. */
export interface OutboxRow {
  /** bigint, as a string */
  seq: string;
  id: string;
  /** Unprefixed subject. */
  subject: string;
  /** The envelope as JSON text. */
  payload: string;
  correlation_id: string | null;
}

export interface OutboxRelayOptions {
  dataSource: DataSource;
  /** Default: the DataSource's schema. */
  schema?: string;
  js: JetStreamClient;
  names: MessagingNames;
  logger: StructuredLogger;
  /** Counts the events handed to JetStream. */
  metrics?: Pick<Metrics, 'eventsPublished'>;
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** Fallback poll when nobody calls `nudge()` (default 250 ms). */
  pollIntervalMs?: number;
  /** Sent rows are kept this long for `replay` (default 7 days). */
  retentionDays?: number;
  /** Longest pause between attempts while publishing fails (default 10 s). */
  maxBackoffMs?: number;
  /** How often sent rows past retention are deleted (default every minute). */
  cleanupIntervalMs?: number;
  /** Test hook: runs after a batch was published and before it is marked sent. */
  afterPublish?: (rows: readonly OutboxRow[]) => void | Promise<void>;
}

const CLEANUP_BATCH = 1000;
const CLEANUP_MAX_BATCHES = 20;
// When another replica holds the relay lock, look again soon: it may have read its batch before our commit.
const LOCK_BUSY_RETRY_MS = 20;

/**
 * Publishes the outbox of one schema to JetStream, in `seq` order, each row once per successful run
 * (`Nats-Msg-Id` = envelope id, so a row republished after a crash is dropped by the stream's
 * duplicate window). One relay per schema publishes at a time (a transaction-level advisory lock),
 * which keeps the order across replicas.
 */
export class OutboxRelay {
  private readonly schema: string;
  private readonly table: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly cleanupIntervalMs: number;
  private running = false;
  private inFlight: Promise<void> | undefined;
  private queued = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private lockBusy = false;
  private nextCleanupAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.schema = options.schema ?? schemaOf(options.dataSource);
    this.table = `${quoteIdent(this.schema)}.outbox`;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.cleanupIntervalMs = options.cleanupIntervalMs ?? 60_000;
  }

  /** Starts publishing (at once, then on every nudge and poll). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.trigger();
  }

  /** Publish now (call after committing outbox rows). Coalesced: one run in flight plus at most one queued. */
  nudge(): void {
    // While publishing fails, the backoff timer decides when to try again.
    if (!this.running || this.failures > 0) return;
    this.trigger();
  }

  /** Stops polling and waits for the run in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /**
   * Republishes rows sent since `since` (in `seq` order, same msgIDs), e.g. after the broker lost
   * acknowledged writes. Consumers are idempotent, so a replay is harmless.
   * @returns how many rows were republished
   */
  async replay(since: Date): Promise<number> {
    let after = '0';
    let total = 0;
    for (;;) {
      const rows = await this.options.dataSource.transaction(async (manager) => {
        // Wait for the live relay's batch: replayed rows never interleave with a batch in flight.
        await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADVISORY_LOCK.outboxRelay, this.schema]);
        const batch = await manager.query<OutboxRow[]>(
          `SELECT seq, id, subject, payload::text AS payload, payload->>'correlationId' AS correlation_id
             FROM ${this.table} WHERE sent_at >= $1 AND seq > $2 ORDER BY seq LIMIT $3`,
          [since, after, this.batchSize],
        );
        await this.publish(batch);
        return batch;
      });
      total += rows.length;
      if (rows.length < this.batchSize) break;
      after = rows[rows.length - 1].seq;
    }
    this.options.logger.info({ schema: this.schema, since: since.toISOString(), rows: total }, 'Outbox replayed');
    return total;
  }

  private trigger(): void {
    if (this.inFlight) {
      this.queued = true;
      return;
    }
    clearTimeout(this.timer);
    this.inFlight = this.drain().finally(() => {
      this.inFlight = undefined;
      if (!this.running) return;
      if (this.queued && this.failures === 0) {
        this.queued = false;
        this.trigger();
      } else {
        this.queued = false;
        this.schedule();
      }
    });
  }

  private schedule(): void {
    const delay =
      this.failures > 0
        ? Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** Math.min(this.failures - 1, 16))
        : this.lockBusy
          ? Math.min(LOCK_BUSY_RETRY_MS, this.pollIntervalMs)
          : this.pollIntervalMs;
    this.timer = setTimeout(() => this.trigger(), delay);
    this.timer.unref();
  }

  /** Publishes batches until one is not full, then deletes rows past retention when due. */
  private async drain(): Promise<void> {
    try {
      let published: number;
      do {
        published = await this.publishBatch();
      } while (published === this.batchSize && this.running);
      this.lockBusy = published < 0;
      if (this.failures > 0) {
        this.options.logger.info({ schema: this.schema, failedAttempts: this.failures }, 'Outbox relay recovered');
        this.failures = 0;
      }
    } catch (error) {
      this.failures += 1;
      if (this.failures === 1) {
        this.options.logger.error({ schema: this.schema, err: error }, 'Outbox relay cannot publish; retrying');
      } else {
        this.options.logger.debug({ schema: this.schema, attempt: this.failures }, 'Outbox relay retry failed');
      }
      return;
    }
    await this.cleanupIfDue();
  }

  /** @returns rows published, or -1 when another relay holds the lock */
  private publishBatch(): Promise<number> {
    return this.options.dataSource.transaction(async (manager: EntityManager) => {
      // Marking rows sent need not wait for the WAL flush: if a crash loses the mark, the rows are
      // published again under the same Nats-Msg-Id and consumers are idempotent. Without this, every
      // small batch costs a second fsync beside the write that created the row.
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT set_config('synchronous_commit', 'off', true), pg_try_advisory_xact_lock($1, hashtext($2)) AS locked`,
        [ADVISORY_LOCK.outboxRelay, this.schema],
      );
      if (!locked) return -1;
      const rows = await manager.query<OutboxRow[]>(
        `SELECT seq, id, subject, payload::text AS payload, payload->>'correlationId' AS correlation_id
           FROM ${this.table} WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE`,
        [this.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.publish(rows);
      await this.options.afterPublish?.(rows);
      await manager.query(`UPDATE ${this.table} SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [
        rows.map((row) => row.seq),
      ]);
      this.options.metrics?.eventsPublished.inc(rows.length);
      return rows.length;
    });
  }

  /**
   * Sends every row before awaiting any acknowledgement: JetStream stores one connection's
   * publishes in the order sent, and one round trip per batch instead of per row is what makes
   * the relay keep up. Waits for all outcomes before failing, so no publish of a failed batch is
   * still on its way when the next attempt starts.
   */
  private async publish(rows: readonly OutboxRow[]): Promise<void> {
    const { js, names } = this.options;
    const results = await Promise.allSettled(
      rows.map((row) => {
        const h = headers();
        if (row.correlation_id) h.set(HEADERS.correlationId, row.correlation_id);
        return js.publish(names.subject(row.subject), row.payload, { msgID: row.id, headers: h });
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() < this.nextCleanupAt) return;
    this.nextCleanupAt = Date.now() + this.cleanupIntervalMs;
    try {
      let deleted = 0;
      for (let i = 0; i < CLEANUP_MAX_BATCHES && this.running; i++) {
        const [, count] = await this.options.dataSource.query<[unknown, number]>(
          `DELETE FROM ${this.table} WHERE seq IN (SELECT seq FROM ${this.table}
             WHERE sent_at < now() - make_interval(days => $1) ORDER BY seq LIMIT $2)`,
          [this.options.retentionDays ?? 7, CLEANUP_BATCH],
        );
        deleted += count;
        if (count < CLEANUP_BATCH) break;
      }
      if (deleted > 0)
        this.options.logger.debug({ schema: this.schema, rows: deleted }, 'Outbox rows past retention deleted');
    } catch (error) {
      this.options.logger.warn({ schema: this.schema, err: error }, 'Outbox cleanup failed');
    }
  }
}
