import type { DataSource, EntityManager } from 'typeorm';

export interface ProposalRow {
  id: string;
  article_id: string;
  base_version: number;
  changes: Record<string, unknown>;
  comment: string;
  status: 'open' | 'accepted' | 'rejected';
  proposed_by: string;
  proposed_by_name: string | null;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  accepted_version: number | null;
}

/** Change proposals. Queries only. */
export class ProposalRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async insert(row: ProposalRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}".proposal (id, article_id, base_version, changes, comment, status, proposed_by,
         proposed_by_name, proposed_at, decided_by, decided_at, decision_note, accepted_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        row.id,
        row.article_id,
        row.base_version,
        JSON.stringify(row.changes),
        row.comment,
        row.status,
        row.proposed_by,
        row.proposed_by_name,
        row.proposed_at,
        row.decided_by,
        row.decided_at,
        row.decision_note,
        row.accepted_version,
      ],
    );
  }

  async find(id: string): Promise<ProposalRow | undefined> {
    const rows = await this.dataSource.query<ProposalRow[]>(`SELECT * FROM "${this.schema}".proposal WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async lock(manager: EntityManager, id: string): Promise<ProposalRow | undefined> {
    const rows = await manager.query<ProposalRow[]>(
      `SELECT * FROM "${this.schema}".proposal WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: Pick<ProposalRow, 'status' | 'decided_by' | 'decided_at' | 'decision_note' | 'accepted_version'>,
  ): Promise<ProposalRow> {
    const rows = await manager.query<[ProposalRow[], number]>(
      `UPDATE "${this.schema}".proposal SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5,
         accepted_version = $6 WHERE id = $1 RETURNING *`,
      [
        id,
        decision.status,
        decision.decided_by,
        decision.decided_at,
        decision.decision_note,
        decision.accepted_version,
      ],
    );
    return rows[0][0];
  }

  async list(filter: { articleId?: string; status?: string; proposedBy?: string }): Promise<ProposalRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.articleId) where.push(`article_id = $${params.push(filter.articleId)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.proposedBy) where.push(`proposed_by = $${params.push(filter.proposedBy)}`);
    return await this.dataSource.query<ProposalRow[]>(
      `SELECT * FROM "${this.schema}".proposal ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY proposed_at DESC, id DESC LIMIT 500`,
      params,
    );
  }
}
