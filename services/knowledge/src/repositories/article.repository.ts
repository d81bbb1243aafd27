import type { DataSource, EntityManager } from 'typeorm';
import type { ArticleKind, ArticleLink, ArticleStatus, LinkKind } from '@arende/contracts';

export interface ArticleRow {
  id: string;
  version: number;
  status: ArticleStatus;
  kind: ArticleKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  folder_id: string | null;
  owner_department: string | null;
  /** `YYYY-MM-DD` (the pg date parser is turned off for this column by `::text`). */
  review_date: string | null;
  published_version: number | null;
  published_at: Date | null;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  /** The website page this article is an imported copy of. */
  source_url: string | null;
}

export interface ArticleListRow {
  id: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  summary: string;
  folder_id: string | null;
  updated_at: Date;
}

export interface VersionRow {
  version: number;
  source: string;
  changed_at: Date;
  changed_by: string;
  changed_by_name: string | null;
  note: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  proposal_id: string | null;
}

export type NewVersion = Omit<VersionRow, 'changed_at'> & { article_id: string; changed_at: Date };

export interface RatingSummaryRow {
  average: number | null;
  count: number;
}

/** Column names of the fields an editor writes. */
export const FIELD_COLUMNS = {
  kind: 'kind',
  title: 'title',
  summary: 'summary',
  body: 'body',
  tags: 'tags',
  folderId: 'folder_id',
  ownerDepartment: 'owner_department',
  reviewDate: 'review_date',
} as const;

const COLUMNS = `id, version, status, kind, title, summary, body, tags, folder_id, owner_department,
  review_date::text AS review_date, published_version, published_at, created_at, created_by, updated_at, updated_by,
  source_url`;
const LIST_COLUMNS = 'id, kind, status, title, summary, folder_id, updated_at';

/** Articles, their versions, links and ratings. Queries only. */
export class ArticleRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  private get t(): string {
    return `"${this.schema}"`;
  }

  async insert(manager: EntityManager, row: Omit<ArticleRow, 'review_date'> & { review_date: string | null }) {
    await manager.query(
      `INSERT INTO ${this.t}.article (id, version, status, kind, title, summary, body, tags, folder_id,
         owner_department, review_date, published_version, published_at, created_at, created_by, updated_at, updated_by,
         source_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        row.id,
        row.version,
        row.status,
        row.kind,
        row.title,
        row.summary,
        row.body,
        row.tags,
        row.folder_id,
        row.owner_department,
        row.review_date,
        row.published_version,
        row.published_at,
        row.created_at,
        row.created_by,
        row.updated_at,
        row.updated_by,
        row.source_url,
      ],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleRow | undefined> {
    const rows = await manager.query<ArticleRow[]>(`SELECT ${COLUMNS} FROM ${this.t}.article WHERE id = $1`, [id]);
    return rows[0];
  }

  /** The row, locked until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<ArticleRow | undefined> {
    const rows = await manager.query<ArticleRow[]>(
      `SELECT ${COLUMNS} FROM ${this.t}.article WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /**
   * Sets `columns`, bumps the version, stamps who and when; returns the new row. `published` also makes the
   * new version the published one.
   */
  async update(
    manager: EntityManager,
    id: string,
    columns: Record<string, unknown>,
    by: string,
    at: Date,
    published = false,
  ): Promise<ArticleRow> {
    const params: unknown[] = [id, by, at];
    const sets = Object.entries(columns).map(([column, value]) => `${column} = $${params.push(value)}`);
    if (published) sets.push('published_version = version + 1');
    const rows = await manager.query<[ArticleRow[], number]>(
      `UPDATE ${this.t}.article SET ${[...sets, 'version = version + 1', 'updated_by = $2', 'updated_at = $3'].join(', ')}
       WHERE id = $1 RETURNING ${COLUMNS}`,
      params,
    );
    return rows[0][0];
  }

  async insertVersion(manager: EntityManager, v: NewVersion): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.t}.article_version
         (article_id, version, source, changed_at, changed_by, changed_by_name, note, changes, proposal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        v.article_id,
        v.version,
        v.source,
        v.changed_at,
        v.changed_by,
        v.changed_by_name,
        v.note,
        JSON.stringify(v.changes),
        v.proposal_id,
      ],
    );
  }

  async versions(id: string): Promise<VersionRow[]> {
    return await this.dataSource.query<VersionRow[]>(
      `SELECT version, source, changed_at, changed_by, changed_by_name, note, changes, proposal_id
       FROM ${this.t}.article_version WHERE article_id = $1 ORDER BY version DESC`,
      [id],
    );
  }

  /** The fields that versions after `version` changed. */
  async changedFieldsSince(manager: EntityManager, id: string, version: number): Promise<string[]> {
    const rows = await manager.query<Array<{ field: string }>>(
      `SELECT DISTINCT jsonb_object_keys(changes) AS field FROM ${this.t}.article_version
       WHERE article_id = $1 AND version > $2`,
      [id, version],
    );
    return rows.map((row) => row.field);
  }

  async links(id: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleLink[]> {
    const rows = await manager.query<Array<{ kind: LinkKind; target_id: string }>>(
      `SELECT kind, target_id FROM ${this.t}.article_link WHERE article_id = $1 ORDER BY kind, target_id`,
      [id],
    );
    return rows.map((row) => ({ kind: row.kind, targetId: row.target_id }));
  }

  async addLink(manager: EntityManager, id: string, link: ArticleLink, by: string, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO ${this.t}.article_link (article_id, kind, target_id, linked_at, linked_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING article_id`,
      [id, link.kind, link.targetId, at, by],
    );
    return rows.length > 0;
  }

  async removeLink(manager: EntityManager, id: string, link: ArticleLink): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      `DELETE FROM ${this.t}.article_link WHERE article_id = $1 AND kind = $2 AND target_id = $3`,
      [id, link.kind, link.targetId],
    );
    return count > 0;
  }

  /** Articles linked to a case type or category, by title; drafts only if asked. */
  async linked(kind: LinkKind, targetId: string, includeDrafts: boolean): Promise<ArticleListRow[]> {
    return await this.dataSource.query<ArticleListRow[]>(
      `SELECT ${LIST_COLUMNS.replace(/(\w+)/g, 'a.$1')} FROM ${this.t}.article_link l
       JOIN ${this.t}.article a ON a.id = l.article_id
       WHERE l.kind = $1 AND l.target_id = $2 AND ($3 OR a.status = 'published')
       ORDER BY a.title, a.id`,
      [kind, targetId, includeDrafts],
    );
  }

  async inFolder(folderId: string, includeDrafts: boolean): Promise<ArticleListRow[]> {
    return await this.dataSource.query<ArticleListRow[]>(
      `SELECT ${LIST_COLUMNS} FROM ${this.t}.article WHERE folder_id = $1 AND ($2 OR status = 'published')
       ORDER BY title, id`,
      [folderId, includeDrafts],
    );
  }

  async ratingSummary(id: string): Promise<RatingSummaryRow> {
    const rows = await this.dataSource.query<Array<{ average: string | null; count: string }>>(
      `SELECT avg(stars)::float8 AS average, count(*) AS count FROM ${this.t}.rating WHERE article_id = $1`,
      [id],
    );
    return { average: rows[0].average === null ? null : Number(rows[0].average), count: Number(rows[0].count) };
  }

  async myRating(id: string, userId: string): Promise<number | null> {
    const rows = await this.dataSource.query<Array<{ stars: number }>>(
      `SELECT stars FROM ${this.t}.rating WHERE article_id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0]?.stars ?? null;
  }

  /** The user's rating; a later one replaces it. */
  async rate(id: string, userId: string, stars: number, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.t}.rating (article_id, user_id, stars, rated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (article_id, user_id) DO UPDATE SET stars = EXCLUDED.stars, rated_at = EXCLUDED.rated_at`,
      [id, userId, stars, at],
    );
  }

  async folderExists(manager: EntityManager, folderId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM ${this.t}.folder WHERE id = $1`, [folderId]);
    return rows.length > 0;
  }
}
