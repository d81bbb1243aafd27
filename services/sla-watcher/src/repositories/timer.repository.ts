import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { quoteIdent } from '@arende/persistence';

/** A timer to schedule: one pending timer per `key`; scheduling a key again moves it. */
export interface TimerSpec {
  key: string;
  caseId: string | null;
  kind: string;
  stage: string;
  round: number;
  dueAt: Date;
  /** Default: `dueAt`. */
  deadlineAt?: Date;
  data?: Record<string, unknown>;
}

/** A pending timer as the firing transaction reads it. */
export interface TimerRow {
  id: string;
  key: string;
  case_id: string | null;
  kind: string;
  stage: string;
  round: number;
  due_at: Date;
  deadline_at: Date;
  data: Record<string, unknown>;
  attempts: number;
}

/** Queries on `timer`; the hot ones (claim, next due) use the partial index on pending timers only. */
export class TimerRepository {
  private readonly table: string;
  private readonly caseTable: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.timer`;
    this.caseTable = `${quoteIdent(schema)}.tracked_case`;
  }

  /** Inserts the timer, or moves the pending one with the same key (its id stays). */
  async schedule(manager: EntityManager, spec: TimerSpec, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)
       ON CONFLICT (key) WHERE fired_at IS NULL DO UPDATE SET case_id = EXCLUDED.case_id, kind = EXCLUDED.kind,
         stage = EXCLUDED.stage, round = EXCLUDED.round, due_at = EXCLUDED.due_at,
         deadline_at = EXCLUDED.deadline_at, data = EXCLUDED.data, attempts = 0`,
      [
        uuidv7(),
        spec.key,
        spec.caseId,
        spec.kind,
        spec.stage,
        spec.round,
        spec.dueAt,
        spec.deadlineAt ?? spec.dueAt,
        JSON.stringify(spec.data ?? {}),
        now,
      ],
    );
  }

  /** The pending timer with this key, if any. */
  async pending(key: string): Promise<Pick<TimerRow, 'due_at' | 'data'> | undefined> {
    const rows = await this.dataSource.query<Array<Pick<TimerRow, 'due_at' | 'data'>>>(
      `SELECT due_at, data FROM ${this.table} WHERE key = $1 AND fired_at IS NULL`,
      [key],
    );
    return rows[0];
  }

  /** Inserts the timer unless one with its key is pending (a boot-time "make sure it exists"). */
  async ensure(manager: EntityManager, spec: TimerSpec, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10)
       ON CONFLICT (key) WHERE fired_at IS NULL DO NOTHING`,
      [
        uuidv7(),
        spec.key,
        spec.caseId,
        spec.kind,
        spec.stage,
        spec.round,
        spec.dueAt,
        spec.deadlineAt ?? spec.dueAt,
        JSON.stringify(spec.data ?? {}),
        now,
      ],
    );
  }

  /**
   * Schedules a reminder for a deadline unless one was already fired for that deadline (a deadline reminds
   * once). A pending reminder for another deadline is moved, and the escalation pending for that one dropped.
   */
  async scheduleReminder(manager: EntityManager, spec: TimerSpec, escalationKey: string, now: Date): Promise<void> {
    const deadline = spec.deadlineAt ?? spec.dueAt;
    await manager.query(
      `INSERT INTO ${this.table} AS t (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts,
           created_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10
          WHERE NOT EXISTS (SELECT 1 FROM ${this.table} WHERE key = $2 AND deadline_at = $8 AND fired_at IS NOT NULL)
       ON CONFLICT (key) WHERE fired_at IS NULL DO UPDATE SET due_at = EXCLUDED.due_at,
         deadline_at = EXCLUDED.deadline_at, round = EXCLUDED.round, data = EXCLUDED.data, attempts = 0
         WHERE t.deadline_at <> EXCLUDED.deadline_at`,
      [
        uuidv7(),
        spec.key,
        spec.caseId,
        spec.kind,
        spec.stage,
        spec.round,
        spec.dueAt,
        deadline,
        JSON.stringify(spec.data ?? {}),
        now,
      ],
    );
    await manager.query(`DELETE FROM ${this.table} WHERE key = $1 AND fired_at IS NULL AND deadline_at <> $2`, [
      escalationKey,
      deadline,
    ]);
  }

  /** Drops the pending timers of these keys. @returns how many */
  async cancel(manager: EntityManager, keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const [, count] = await manager.query<[unknown, number]>(
      `DELETE FROM ${this.table} WHERE fired_at IS NULL AND key = ANY($1::text[])`,
      [keys],
    );
    return count;
  }

  /** Drops every pending timer of a case except the kinds kept. */
  async cancelCase(manager: EntityManager, caseId: string, keepKinds: readonly string[]): Promise<number> {
    const [, count] = await manager.query<[unknown, number]>(
      `DELETE FROM ${this.table} WHERE fired_at IS NULL AND case_id = $1 AND NOT (kind = ANY($2::text[]))`,
      [caseId, keepKinds],
    );
    return count;
  }

  /**
   * Claims due timers for this transaction: rows another replica holds are skipped, not waited for, so
   * several replicas share the due timers and none fires one another has.
   */
  claimDue(manager: EntityManager, now: Date, limit: number): Promise<TimerRow[]> {
    return manager.query<TimerRow[]>(
      `SELECT id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts FROM ${this.table}
        WHERE fired_at IS NULL AND due_at <= $1 ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /**
   * Locks the cases of claimed timers, skipping those a consumer holds: a timer whose case is being changed waits
   * for the next round. Never waits, so it cannot deadlock with a consumer that locks a case and then its timers;
   * and a consumer that waits for the case sees the timer fired when it gets it.
   * @returns the ids locked
   */
  async lockCases(manager: EntityManager, caseIds: readonly string[]): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await manager.query<Array<{ case_id: string }>>(
      `SELECT case_id FROM ${this.caseTable} WHERE case_id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED`,
      [caseIds],
    );
    return new Set(rows.map((row) => row.case_id));
  }

  /** Marks claimed timers fired, each with its outcome. */
  async markFired(manager: EntityManager, fired: ReadonlyArray<{ id: string; outcome: string }>, at: Date) {
    if (fired.length === 0) return;
    await manager.query(
      `UPDATE ${this.table} AS t SET fired_at = $1, outcome = f.outcome
         FROM unnest($2::uuid[], $3::text[]) AS f(id, outcome) WHERE t.id = f.id`,
      [at, fired.map((f) => f.id), fired.map((f) => f.outcome)],
    );
  }

  /** Puts a claimed timer off (a call it needs failed). */
  async postpone(manager: EntityManager, id: string, dueAt: Date): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET due_at = $2, attempts = attempts + 1 WHERE id = $1`, [id, dueAt]);
  }

  /** Deletes up to `limit` timers fired before `before`. @returns how many */
  async deleteFiredBefore(before: Date, limit: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM ${this.table} WHERE id IN
         (SELECT id FROM ${this.table} WHERE fired_at IS NOT NULL AND fired_at < $1 LIMIT $2)`,
      [before, limit],
    );
    return count;
  }

  /** The earliest pending due time, or null when nothing is pending. */
  async nextDueAt(): Promise<Date | null> {
    const rows = await this.dataSource.query<Array<{ due_at: Date }>>(
      `SELECT due_at FROM ${this.table} WHERE fired_at IS NULL ORDER BY due_at LIMIT 1`,
    );
    return rows[0]?.due_at ?? null;
  }

  /** Pending timers of a case (tests, the daily report). */
  pendingOfCase(caseId: string): Promise<TimerRow[]> {
    return this.dataSource.query<TimerRow[]>(
      `SELECT id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts FROM ${this.table}
        WHERE fired_at IS NULL AND case_id = $1 ORDER BY due_at`,
      [caseId],
    );
  }
}
