import type { DataSource, EntityManager } from 'typeorm';
import { type Template, TemplateFieldsSchema } from '@arende/contracts';

interface TemplateRow {
  id: string;
  version: number;
  fields: Record<string, unknown>;
  updated_at: Date;
}

const COLUMNS = `id, version, fields, updated_at`;

export class TemplateRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<Template | undefined> {
    const rows = await manager.query<TemplateRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".template WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] && toTemplate(rows[0]);
  }

  async find(id: string): Promise<Template | undefined> {
    const rows = await this.dataSource.query<TemplateRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".template WHERE id = $1`,
      [id],
    );
    return rows[0] && toTemplate(rows[0]);
  }

  async save(manager: EntityManager, template: Template, by: string): Promise<void> {
    const { id, version, updatedAt, ...fields } = template;
    await manager.query(
      `INSERT INTO "${this.schema}".template (id, version, position, active, title, case_type_id, fields, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET version = $2, position = $3, active = $4, title = $5, case_type_id = $6,
         fields = $7, updated_at = $8, updated_by = $9`,
      [id, version, fields.position, fields.active, fields.title, fields.caseTypeId, fields, updatedAt, by],
    );
  }

  /** Every template in the order their rules are tried. */
  async list(includeInactive: boolean): Promise<Template[]> {
    const rows = await this.dataSource.query<TemplateRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".template WHERE active OR $1 ORDER BY position, id`,
      [includeInactive],
    );
    return rows.map(toTemplate);
  }

  /** A cheap fingerprint of the table: it changes whenever a template is saved. */
  async fingerprint(): Promise<string> {
    const rows = await this.dataSource.query<Array<{ n: string; at: Date | null; v: string | null }>>(
      `SELECT count(*) AS n, max(updated_at) AS at, sum(version) AS v FROM "${this.schema}".template`,
    );
    return `${rows[0].n}:${rows[0].at?.toISOString() ?? ''}:${rows[0].v ?? ''}`;
  }
}

function toTemplate(row: TemplateRow): Template {
  // Parsed through the schema so rows written before a field existed get its default.
  return {
    ...TemplateFieldsSchema.parse(row.fields),
    id: row.id,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}
