import type { DataSource } from 'typeorm';

export interface CaseEventRow {
  id: string;
  kind: string;
  actor_id: string;
  actor_name: string | null;
  occurred_at: Date;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

export interface CaseEventFilter {
  kinds?: readonly string[];
  from?: string;
  to?: string;
  actorId?: string;
  /** Only lines older than this id (the cursor). */
  beforeId?: string;
}

/** Reads of the case's event log (the writes are in CaseRepository, inside each change's transaction). */
export class CaseEventRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Newest first; walks case_event_case_idx (case_id, id) backwards. (`id` is sent as text: a bigint.) */
  async list(caseId: string, filter: CaseEventFilter, limit: number): Promise<CaseEventRow[]> {
    const params: unknown[] = [caseId, limit];
    const where = ['case_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.kinds) add('kind = ANY(?)', filter.kinds);
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.beforeId) add('id < ?', filter.beforeId);
    return await this.dataSource.query<CaseEventRow[]>(
      `SELECT id::text AS id, kind, actor_id, actor_name, occurred_at, changes
       FROM "${this.schema}".case_event WHERE ${where.join(' AND ')}
       ORDER BY case_event.id DESC LIMIT $2`,
      params,
    );
  }
}
