import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@arende/persistence';
import type { CaseRow } from './case.row.js';

/** Thread keys: which cases an inbound message may belong to (see CaseThreadKeyEntity). */
export class ThreadKeyRepository {
  constructor(private readonly schema: string) {}

  async add(manager: EntityManager, caseId: string, keys: readonly string[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await queryPrepared(
      manager,
      `INSERT INTO "${this.schema}"."case_thread_key" (key, case_id, created_at)
       SELECT unnest($1::text[]), $2, $3 ON CONFLICT DO NOTHING`,
      [keys, caseId, at],
    );
  }

  /**
   * The most recently registered case any of the keys names, held until the transaction ends; with
   * `openOnly`, only cases that are not closed.
   */
  async findCaseForUpdate(manager: EntityManager, keys: readonly string[], openOnly: boolean): Promise<CaseRow | null> {
    if (keys.length === 0) return null;
    const rows = await queryPrepared<CaseRow>(
      manager,
      `SELECT c.* FROM "${this.schema}"."case" c
       WHERE c.id IN (SELECT case_id FROM "${this.schema}"."case_thread_key" WHERE key = ANY($1::text[]))
         ${openOnly ? `AND c.status <> 'closed'` : ''}
       ORDER BY c.registered_at DESC, c.id DESC LIMIT 1 FOR UPDATE OF c`,
      [keys],
    );
    return rows[0] ?? null;
  }
}
