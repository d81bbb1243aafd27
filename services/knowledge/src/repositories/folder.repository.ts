import type { DataSource, EntityManager } from 'typeorm';

export interface FolderRow {
  id: string;
  parent_id: string | null;
  name: string;
  position: number;
}

/** The folder tree. Queries only. */
export class FolderRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async all(): Promise<FolderRow[]> {
    return await this.dataSource.query<FolderRow[]>(
      `SELECT id, parent_id, name, position FROM "${this.schema}".folder ORDER BY position, name, id`,
    );
  }

  async find(manager: EntityManager, id: string): Promise<FolderRow | undefined> {
    const rows = await manager.query<FolderRow[]>(
      `SELECT id, parent_id, name, position FROM "${this.schema}".folder WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** The folder and every folder above it, nearest first. */
  async ancestry(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM "${this.schema}".folder WHERE id = $1
         UNION ALL SELECT f.id, f.parent_id, up.depth + 1 FROM "${this.schema}".folder f JOIN up ON f.id = up.parent_id
         WHERE up.depth < 100)
       SELECT id FROM up ORDER BY depth`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  /** The folder and every folder below it. */
  async descendants(id: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH RECURSIVE down AS (
         SELECT id, 0 AS depth FROM "${this.schema}".folder WHERE id = $1
         UNION ALL SELECT f.id, down.depth + 1 FROM "${this.schema}".folder f JOIN down ON f.parent_id = down.id
         WHERE down.depth < 100)
       SELECT id FROM down`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  async upsert(manager: EntityManager, row: FolderRow, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".folder (id, parent_id, name, position, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,
         position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [row.id, row.parent_id, row.name, row.position, at],
    );
  }
}
