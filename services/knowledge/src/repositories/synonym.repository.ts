import type { DataSource, EntityManager } from 'typeorm';

export interface SynonymGroupRow {
  id: string;
  terms: string[];
}

/** The city's synonym groups. Queries only. */
export class SynonymRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Until the transaction ends, no other edit of the list runs (reads go on). */
  async lockForEdit(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE "${this.schema}".synonym_group IN SHARE ROW EXCLUSIVE MODE`);
  }

  async all(manager: EntityManager = this.dataSource.manager): Promise<SynonymGroupRow[]> {
    return await manager.query<SynonymGroupRow[]>(
      `SELECT id, terms FROM "${this.schema}".synonym_group ORDER BY terms[1], id`,
    );
  }

  /** Other groups that hold any of `terms`. */
  async overlapping(manager: EntityManager, id: string, terms: string[]): Promise<SynonymGroupRow[]> {
    return await manager.query<SynonymGroupRow[]>(
      `SELECT id, terms FROM "${this.schema}".synonym_group WHERE terms && $2::text[] AND id <> $1`,
      [id, terms],
    );
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM "${this.schema}".synonym_group WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async upsert(manager: EntityManager, row: SynonymGroupRow, by: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".synonym_group (id, terms, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET terms = EXCLUDED.terms, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by`,
      [row.id, row.terms, at, by],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      `DELETE FROM "${this.schema}".synonym_group WHERE id = $1`,
      [id],
    );
    return count > 0;
  }
}
