import type { DataSource, EntityManager } from 'typeorm';
import type { ReferenceItem, ReferenceKind } from '@arende/contracts';

interface ReferenceRow {
  kind: ReferenceKind;
  id: string;
  version: number;
  name: string;
  description: string;
  instruction: string;
  org_level: 'department' | 'unit' | null;
  parent_id: string | null;
  active: boolean;
  updated_at: Date;
}

const COLUMNS = `kind, id, version, name, description, instruction, org_level, parent_id, active, updated_at`;

export class ReferenceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async lock(manager: EntityManager, kind: ReferenceKind, id: string): Promise<ReferenceItem | undefined> {
    const rows = await manager.query<ReferenceRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".reference WHERE kind = $1 AND id = $2 FOR UPDATE`,
      [kind, id],
    );
    return rows[0] && toItem(rows[0]);
  }

  async find(manager: EntityManager, kind: ReferenceKind, id: string): Promise<ReferenceItem | undefined> {
    const rows = await manager.query<ReferenceRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".reference WHERE kind = $1 AND id = $2`,
      [kind, id],
    );
    return rows[0] && toItem(rows[0]);
  }

  async save(manager: EntityManager, item: ReferenceItem, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".reference (${COLUMNS}, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (kind, id) DO UPDATE SET version = $3, name = $4, description = $5, instruction = $6,
         org_level = $7, parent_id = $8, active = $9, updated_at = $10, updated_by = $11`,
      [
        item.kind,
        item.id,
        item.version,
        item.name,
        item.description,
        item.instruction,
        item.orgLevel,
        item.parentId,
        item.active,
        item.updatedAt,
        by,
      ],
    );
  }

  async list(kind: ReferenceKind, includeInactive: boolean): Promise<ReferenceItem[]> {
    const rows = await this.dataSource.query<ReferenceRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".reference WHERE kind = $1 AND (active OR $2) ORDER BY lower(name), id`,
      [kind, includeInactive],
    );
    return rows.map(toItem);
  }

  /** Active case types with a word of their name beginning with `prefix` (lower case). */
  async caseTypesStartingWith(prefix: string, limit: number): Promise<ReferenceItem[]> {
    const rows = await this.dataSource.query<ReferenceRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".reference
       WHERE kind = 'case-type' AND active
         AND EXISTS (SELECT 1 FROM regexp_split_to_table(lower(name), '[^[:alnum:]]+') AS word
                     WHERE starts_with(word, $1))
       ORDER BY lower(name), id LIMIT $2`,
      [prefix, limit],
    );
    return rows.map(toItem);
  }
}

function toItem(row: ReferenceRow): ReferenceItem {
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    name: row.name,
    description: row.description,
    instruction: row.instruction,
    orgLevel: row.org_level,
    parentId: row.parent_id,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
  };
}
