import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdent } from '@arende/persistence';
import { TrackedCaseEntity } from '../entities/tracked-case.entity.js';

/** An inbox's open cases with their nearest open deadline, for the morning report. */
export interface OpenCaseRow {
  inbox_id: string;
  number: string;
  title: string;
  status: string;
  priority: string;
  assignee_id: string | null;
  due_at: Date | null;
  overdue: boolean;
  /** Open cases of the inbox, and how many of them are overdue (bigint as text). */
  total: string;
  overdue_count: string;
}

export class TrackedCaseRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.tracked_case`;
  }

  /** The case, locked for this transaction (events of one case are applied one at a time). */
  lock(manager: EntityManager, caseId: string): Promise<TrackedCaseEntity | null> {
    return manager.getRepository(TrackedCaseEntity).findOne({ where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  find(manager: EntityManager | undefined, caseId: string): Promise<TrackedCaseEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(TrackedCaseEntity).findOneBy({ caseId });
  }

  findByNumber(number: string, manager?: EntityManager): Promise<TrackedCaseEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(TrackedCaseEntity).findOneBy({ number });
  }

  async save(manager: EntityManager, trackedCase: TrackedCaseEntity): Promise<void> {
    await manager.getRepository(TrackedCaseEntity).save(trackedCase);
  }

  /**
   * The cases open for action (not resolved, not closed) of every inbox, at most `limit` per inbox, overdue first
   * and then by nearest deadline, each row with its inbox's totals. One scan, counted and cut in SQL.
   */
  openCases(manager: EntityManager, now: Date, limit: number): Promise<OpenCaseRow[]> {
    return manager.query<OpenCaseRow[]>(
      `WITH open AS (
         SELECT inbox_id, number, title, status, priority, assignee_id,
                LEAST(response_due_at, feedback_due_at, resolution_due_at, acknowledge_due_at, contact_due_at) AS due_at
           FROM ${this.table} WHERE status NOT IN ('resolved', 'closed')),
       ranked AS (
         SELECT open.*, COALESCE(due_at <= $1, false) AS overdue,
                count(*) OVER inbox AS total,
                count(*) FILTER (WHERE due_at <= $1) OVER inbox AS overdue_count,
                row_number() OVER (PARTITION BY inbox_id ORDER BY COALESCE(due_at <= $1, false) DESC,
                                   due_at NULLS LAST, number) AS place
           FROM open WINDOW inbox AS (PARTITION BY inbox_id))
       SELECT inbox_id, number, title, status, priority, assignee_id, due_at, overdue, total, overdue_count
         FROM ranked WHERE place <= $2 ORDER BY inbox_id, place`,
      [now, limit],
    );
  }
}
