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

  /** Every case open for action (not resolved, not closed), by inbox, nearest deadline first. */
  openCases(manager: EntityManager): Promise<OpenCaseRow[]> {
    return manager.query<OpenCaseRow[]>(
      `SELECT inbox_id, number, title, status, priority, assignee_id,
              LEAST(response_due_at, feedback_due_at, resolution_due_at, acknowledge_due_at, contact_due_at) AS due_at
         FROM ${this.table} WHERE status NOT IN ('resolved', 'closed')
        ORDER BY inbox_id, due_at NULLS LAST, number`,
    );
  }
}
