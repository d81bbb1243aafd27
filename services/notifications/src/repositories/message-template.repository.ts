import type { EntityManager } from 'typeorm';

export interface MessageTemplateRow {
  purpose: string;
  language: string;
  subject: string;
  body: string;
  updated_at: Date;
  updated_by: string;
}

/** Queries on `message_template`; nothing else. */
export class MessageTemplateRepository {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `"${schema}"."message_template"`;
  }

  async list(manager: EntityManager): Promise<MessageTemplateRow[]> {
    return await manager.query<MessageTemplateRow[]>(`SELECT * FROM ${this.table} ORDER BY purpose, language`);
  }

  /** The stored templates of a purpose in the given languages. */
  async find(manager: EntityManager, purpose: string, languages: string[]): Promise<MessageTemplateRow[]> {
    return await manager.query<MessageTemplateRow[]>(
      `SELECT * FROM ${this.table} WHERE purpose = $1 AND language = ANY($2::text[])`,
      [purpose, languages],
    );
  }

  async upsert(manager: EntityManager, row: MessageTemplateRow): Promise<MessageTemplateRow> {
    const rows = await manager.query<MessageTemplateRow[]>(
      `INSERT INTO ${this.table} (purpose, language, subject, body, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (purpose, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING *`,
      [row.purpose, row.language, row.subject, row.body, row.updated_at, row.updated_by],
    );
    return rows[0];
  }

  async delete(manager: EntityManager, purpose: string, language: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `DELETE FROM ${this.table} WHERE purpose = $1 AND language = $2 RETURNING purpose`,
      [purpose, language],
    );
    return rows.length > 0;
  }
}
