import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { StructuredLogger } from '@arende/persistence';
import type { Clock } from '../clock.js';
import type { TimerRepository, TimerRow } from '../repositories/timer.repository.js';

/** What firing one timer came to: done (with why), or put off until `retryAt`. */
export type FireOutcome = { outcome: string } | { retryAt: Date };

/** Fires one claimed timer inside the claiming transaction: writes its events, schedules what follows. */
export type FireTimer = (manager: EntityManager, timer: TimerRow, now: Date) => Promise<FireOutcome>;

export interface TimerLoopOptions {
  dataSource: DataSource;
  /** For the LISTEN connection (it is held for as long as the loop runs, outside the pool). */
  databaseUrl: string;
  schema: string;
  timers: TimerRepository;
  fire: FireTimer;
  clock: Clock;
  logger: StructuredLogger;
  maxSleepMs: number;
  batchSize: number;
  /** Fired timers are kept this long (they stop a deadline from reminding twice), then deleted. */
  retentionMs: number;
  /** After each committed batch (nudge the outbox relay). */
  onFired?: (count: number) => void;
}

const RECONNECT_MS = 5_000;
const ERROR_PAUSE_MS = 1_000;
const DEFERRED_RETRY_MS = 25;
const CLEANUP_INTERVAL_MS = 3_600_000;
const CLEANUP_BATCH = 1_000;
const CLEANUP_MAX_BATCHES = 20;

/**
 * The one loop that fires timers. It sleeps until the earliest pending due time (at most `maxSleepMs`), and
 * wakes early on a PostgreSQL NOTIFY (a timer written by any replica, or by this one) or when the clock moves.
 * Each batch is one transaction: claim due rows `FOR UPDATE SKIP LOCKED`, fire each (its outbox rows and
 * follow-up timers in the same transaction), mark them fired, commit. A crash before the commit fires nothing;
 * after it, the rows are fired and stay so. No polling beyond the capped sleep: idle CPU is a query a sleep.
 */
export class TimerLoop {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private listener: pg.Client | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private readonly channel: string;
  private nextCleanupAt = 0;
  /** Timers fired by this replica (tests, metrics). */
  fired = 0;

  constructor(private readonly options: TimerLoopOptions) {
    this.channel = `${options.schema}_timer`;
    options.clock.onChange(() => this.wake());
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnect);
    this.wake();
    await this.loop;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Look again now (a nearer timer was written in this process, or the clock moved). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: 'sla-watcher-listen',
    });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'Timer LISTEN connection lost; reconnecting');
      this.listener = undefined;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel.replaceAll('"', '""')}"`);
      this.listener = client;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'Timer LISTEN failed; the loop still wakes at its longest sleep');
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
    }
    // Something may have been written while we were not listening.
    this.wake();
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
    this.reconnect.unref();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let sleepMs: number;
      try {
        let batch = { claimed: 0, deferred: 0 };
        do {
          batch = await this.fireBatch();
        } while (this.running && batch.claimed === this.options.batchSize && batch.deferred < batch.claimed);
        await this.cleanupIfDue();
        const next = await this.options.timers.nextDueAt();
        const untilNext = next ? next.getTime() - this.options.clock.now().getTime() : Infinity;
        // Timers whose case a consumer holds are due still: look again shortly, not at once.
        const floor = batch.deferred > 0 ? DEFERRED_RETRY_MS : 0;
        sleepMs = Math.max(floor, Math.min(this.options.maxSleepMs, untilNext));
      } catch (error) {
        this.options.logger.error({ err: error }, 'Firing timers failed; trying again');
        sleepMs = ERROR_PAUSE_MS;
      }
      if (!this.running) break;
      if (this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sleepMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  /** Deletes fired timers past retention, at most once an hour (by the wall clock, whatever the injected one says). */
  private async cleanupIfDue(): Promise<void> {
    if (Date.now() < this.nextCleanupAt) return;
    this.nextCleanupAt = Date.now() + CLEANUP_INTERVAL_MS;
    const before = new Date(this.options.clock.now().getTime() - this.options.retentionMs);
    let deleted = 0;
    for (let i = 0; i < CLEANUP_MAX_BATCHES && this.running; i++) {
      const count = await this.options.timers.deleteFiredBefore(before, CLEANUP_BATCH);
      deleted += count;
      if (count < CLEANUP_BATCH) break;
    }
    if (deleted > 0) this.options.logger.debug({ timers: deleted }, 'Fired timers past retention deleted');
  }

  /** @returns timers claimed, and how many of them wait because their case was locked */
  private async fireBatch(): Promise<{ claimed: number; deferred: number }> {
    const { dataSource, timers, batchSize } = this.options;
    const now = this.options.clock.now();
    let done = 0;
    const result = await dataSource.transaction(async (manager) => {
      const rows = await timers.claimDue(manager, now, batchSize);
      const caseIds = [...new Set(rows.flatMap((row) => (row.case_id ? [row.case_id] : [])))];
      const locked = await timers.lockCases(manager, caseIds);
      const fired: Array<{ id: string; outcome: string }> = [];
      let deferred = 0;
      for (const row of rows) {
        if (row.case_id && !locked.has(row.case_id) && (await this.caseExists(manager, row))) {
          deferred += 1;
          continue;
        }
        const outcome = await this.fireOne(manager, row, now);
        if ('retryAt' in outcome) await timers.postpone(manager, row.id, outcome.retryAt);
        else fired.push({ id: row.id, outcome: outcome.outcome });
      }
      await timers.markFired(manager, fired, now);
      done = fired.length;
      return { claimed: rows.length, deferred };
    });
    if (done > 0) {
      this.fired += done;
      this.options.onFired?.(done);
    }
    return result;
  }

  /** A timer whose case is not locked may be one whose case is unknown: that one fires (as `no_case`). */
  private async caseExists(manager: EntityManager, row: TimerRow): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM "${this.options.schema}".tracked_case WHERE case_id = $1`,
      [row.case_id],
    );
    return rows.length > 0;
  }

  /** One timer, under a savepoint: a timer that throws is put off, and the rest of the batch still fires. */
  private async fireOne(manager: EntityManager, row: TimerRow, now: Date): Promise<FireOutcome> {
    await manager.query('SAVEPOINT fire_timer');
    try {
      const outcome = await this.options.fire(manager, row, now);
      await manager.query('RELEASE SAVEPOINT fire_timer');
      return outcome;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT fire_timer');
      const retryAt = new Date(now.getTime() + Math.min(3_600_000, 60_000 * 2 ** Math.min(row.attempts, 6)));
      this.options.logger.error({ err: error, timerId: row.id, kind: row.kind }, 'Timer failed; put off');
      return { retryAt };
    }
  }
}
