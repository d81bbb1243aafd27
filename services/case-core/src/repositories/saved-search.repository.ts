import type { DataSource } from 'typeorm';

export interface SavedSearchRow {
  name: string;
  inbox_id: string;
  query: string;
  saved_at: Date;
}

/** A user's saved inbox searches, keyed by the name in lower case. */
export class SavedSearchRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  /** Saves (or replaces) one, unless the user already has `max` others: null then. */
  async save(
    userId: string,
    nameKey: string,
    search: { name: string; inboxId: string; query: string },
    at: Date,
    max: number,
  ): Promise<SavedSearchRow | null> {
    const rows = await this.dataSource.query<SavedSearchRow[]>(
      `INSERT INTO "${this.schema}".saved_search (user_id, name_key, name, inbox_id, query, saved_at)
       SELECT $1, $2, $3, $4, $5, $6
        WHERE (SELECT count(*) FROM "${this.schema}".saved_search WHERE user_id = $1 AND name_key <> $2) < $7
       ON CONFLICT (user_id, name_key)
       DO UPDATE SET name = EXCLUDED.name, inbox_id = EXCLUDED.inbox_id, query = EXCLUDED.query, saved_at = EXCLUDED.saved_at
       RETURNING name, inbox_id, query, saved_at`,
      [userId, nameKey, search.name, search.inboxId, search.query, at, max],
    );
    return rows[0] ?? null;
  }

  async remove(userId: string, nameKey: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, removed] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM "${this.schema}".saved_search WHERE user_id = $1 AND name_key = $2`,
      [userId, nameKey],
    );
    return removed > 0;
  }

  async list(userId: string): Promise<SavedSearchRow[]> {
    return await this.dataSource.query<SavedSearchRow[]>(
      `SELECT name, inbox_id, query, saved_at FROM "${this.schema}".saved_search WHERE user_id = $1
       ORDER BY name_key, name`,
      [userId],
    );
  }
}
