import type { EntityManager } from 'typeorm';
import type { Actor } from '@arende/contracts';
import type { CaseRow } from './case.row.js';
import { type AccessScope, scopeCondition } from '../services/access-scope.js';

/** Statuses pick-next never hands out: done, or put aside on purpose. */
const NOT_PICKABLE = ['resolved', 'closed', 'parked'];

/** Queries of assignment; no rules here. */
export class AssignmentRepository {
  constructor(private readonly schema: string) {}

  /**
   * The first unassigned case of an inbox in work order (urgent, prioritised, normal; oldest first) that the
   * caller may see and nobody else has locked, held until the transaction ends. SKIP LOCKED passes over a
   * case another picker holds right now, so two pickers never get the same one.
   */
  async findNextToPick(
    manager: EntityManager,
    scope: AccessScope,
    inboxId: string,
    picker: Actor,
  ): Promise<CaseRow | null> {
    const pickerIds = [picker.id, ...(picker.userName === undefined ? [] : [picker.userName])];
    const params: unknown[] = [inboxId, NOT_PICKABLE, pickerIds];
    const rows = await manager.query<CaseRow[]>(
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.inbox_id = $1 AND c.assignee_id IS NULL AND c.status <> ALL($2::text[])
         AND (c.lock_holder_id IS NULL OR c.lock_holder_id = ANY($3::text[]))
         AND ${scopeCondition(scope, 'c', this.schema, params)}
       ORDER BY c.priority_rank, c.registered_at, c.id
       LIMIT 1
       FOR UPDATE OF c SKIP LOCKED`,
      params,
    );
    return rows[0] ?? null;
  }
}
