import type { DataSource } from 'typeorm';

export interface SecretReadRow {
  id: string;
  actor_id: string;
  actor_name: string | null;
  read_at: Date;
  case_id: string;
  case_number: string;
  action: string;
  origin_ip: string | null;
  origin_user_agent: string | null;
}

export interface SecretReadFilter {
  caseNumber?: string;
  actorId?: string;
  from?: string;
  to?: string;
  /** Only records older than this id (the cursor). */
  beforeId?: string;
}

/** Reads of the secret-read audit log (the writes are in CaseRepository, beside each read). */
export class SecretReadAuditRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Newest first. (`id` is sent as text: a bigint.) */
  async list(filter: SecretReadFilter, limit: number): Promise<SecretReadRow[]> {
    const params: unknown[] = [limit];
    const where = ['TRUE'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.caseNumber) add('case_number = ?', filter.caseNumber);
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.from) add('read_at >= ?', filter.from);
    if (filter.to) add('read_at < ?', filter.to);
    if (filter.beforeId) add('id < ?', filter.beforeId);
    return await this.dataSource.query<SecretReadRow[]>(
      `SELECT id::text AS id, actor_id, actor_name, read_at, case_id, case_number, action, origin_ip, origin_user_agent
       FROM "${this.schema}".secret_read_audit WHERE ${where.join(' AND ')}
       ORDER BY id DESC LIMIT $1`,
      params,
    );
  }
}
