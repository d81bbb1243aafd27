import type { EntityManager } from 'typeorm';

/** '' in `user_id` or `service_point_id` means "any". */
export interface SignatureRow {
  user_id: string;
  service_point_id: string;
  text: string;
  html: string | null;
  logo: string | null;
  updated_at: Date;
  updated_by: string;
}

/** Queries on `signature`; nothing else. */
export class SignatureRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `"${schema}"."signature"`;
  }

  async list(manager: EntityManager): Promise<SignatureRow[]> {
    return await manager.query<SignatureRow[]>(`SELECT * FROM ${this.table} ORDER BY user_id, service_point_id`);
  }

  async get(manager: EntityManager, userId: string, servicePointId: string): Promise<SignatureRow | null> {
    const rows = await manager.query<SignatureRow[]>(
      `SELECT * FROM ${this.table} WHERE user_id = $1 AND service_point_id = $2`,
      [userId, servicePointId],
    );
    return rows[0] ?? null;
  }

  /** The signatures that may apply to a sender: theirs, their service point's, and the global one. */
  async candidates(manager: EntityManager, userId: string, servicePointId: string): Promise<SignatureRow[]> {
    return await manager.query<SignatureRow[]>(
      `SELECT * FROM ${this.table} WHERE user_id IN ('', $1) AND service_point_id IN ('', $2)`,
      [userId, servicePointId],
    );
  }

  async upsert(manager: EntityManager, row: SignatureRow): Promise<SignatureRow> {
    const rows = await manager.query<SignatureRow[]>(
      `INSERT INTO ${this.table} (user_id, service_point_id, text, html, logo, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id, service_point_id) DO UPDATE SET text = EXCLUDED.text, html = EXCLUDED.html,
         logo = EXCLUDED.logo, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING *`,
      [row.user_id, row.service_point_id, row.text, row.html, row.logo, row.updated_at, row.updated_by],
    );
    return rows[0];
  }

  async delete(manager: EntityManager, userId: string, servicePointId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `DELETE FROM ${this.table} WHERE user_id = $1 AND service_point_id = $2 RETURNING user_id`,
      [userId, servicePointId],
    );
    return rows.length > 0;
  }
}
