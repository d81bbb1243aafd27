import type { DataSource, EntityManager } from 'typeorm';
import type { WebImportResult } from '@arende/contracts';

export interface WebSourceRow {
  id: string;
  sitemap_url: string;
  folder_id: string | null;
  refresh_minutes: number;
  next_run_at: Date;
  last_run_at: Date | null;
  last_result: WebImportResult | null;
}

export interface WebPageRow {
  url: string;
  source_id: string;
  article_id: string;
  lastmod: string | null;
  content_hash: string;
  fetched_at: Date;
}

const SOURCE_COLUMNS = 'id, sitemap_url, folder_id, refresh_minutes, next_run_at, last_run_at, last_result';

/** Sitemaps imported from and the pages seen. Queries only. */
export class WebSourceRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  private get t(): string {
    return `"${this.schema}"`;
  }

  async save(
    manager: EntityManager,
    row: Pick<WebSourceRow, 'id' | 'sitemap_url' | 'folder_id' | 'refresh_minutes'>,
    by: string,
    at: Date,
  ): Promise<WebSourceRow> {
    const rows = await manager.query<WebSourceRow[]>(
      `INSERT INTO ${this.t}.web_source (id, sitemap_url, folder_id, refresh_minutes, next_run_at, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $5, $6)
       ON CONFLICT (id) DO UPDATE SET sitemap_url = EXCLUDED.sitemap_url, folder_id = EXCLUDED.folder_id,
         refresh_minutes = EXCLUDED.refresh_minutes, next_run_at = EXCLUDED.next_run_at
       RETURNING ${SOURCE_COLUMNS}`,
      [row.id, row.sitemap_url, row.folder_id, row.refresh_minutes, at, by],
    );
    return rows[0];
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<WebSourceRow | undefined> {
    const rows = await manager.query<WebSourceRow[]>(
      `SELECT ${SOURCE_COLUMNS} FROM ${this.t}.web_source WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async findByUrl(manager: EntityManager, sitemapUrl: string): Promise<WebSourceRow | undefined> {
    const rows = await manager.query<WebSourceRow[]>(
      `SELECT ${SOURCE_COLUMNS} FROM ${this.t}.web_source WHERE sitemap_url = $1`,
      [sitemapUrl],
    );
    return rows[0];
  }

  async list(): Promise<WebSourceRow[]> {
    return await this.dataSource.query<WebSourceRow[]>(
      `SELECT ${SOURCE_COLUMNS} FROM ${this.t}.web_source ORDER BY sitemap_url`,
    );
  }

  /**
   * Takes one due source and moves its next run on, in one statement: replicas never take the same one, and a
   * run that dies is simply tried again at the next refresh.
   */
  async claimDue(now: Date): Promise<WebSourceRow | undefined> {
    const rows = await this.dataSource.query<[WebSourceRow[], number]>(
      `UPDATE ${this.t}.web_source SET next_run_at = $1::timestamptz + refresh_minutes * interval '1 minute'
       WHERE id = (SELECT id FROM ${this.t}.web_source WHERE next_run_at <= $1 ORDER BY next_run_at
                   FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING ${SOURCE_COLUMNS}`,
      [now],
    );
    return rows[0][0];
  }

  async finish(id: string, result: WebImportResult, at: Date): Promise<WebSourceRow> {
    const rows = await this.dataSource.query<[WebSourceRow[], number]>(
      `UPDATE ${this.t}.web_source SET last_run_at = $2, last_result = $3,
         next_run_at = GREATEST(next_run_at, $2::timestamptz + refresh_minutes * interval '1 minute')
       WHERE id = $1 RETURNING ${SOURCE_COLUMNS}`,
      [id, at, JSON.stringify(result)],
    );
    return rows[0][0];
  }

  async pages(sourceId: string): Promise<Map<string, WebPageRow>> {
    const rows = await this.dataSource.query<WebPageRow[]>(`SELECT * FROM ${this.t}.web_page WHERE source_id = $1`, [
      sourceId,
    ]);
    return new Map(rows.map((row) => [row.url, row]));
  }

  async savePage(row: WebPageRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.t}.web_page (url, source_id, article_id, lastmod, content_hash, fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (url) DO UPDATE SET source_id = EXCLUDED.source_id, article_id = EXCLUDED.article_id,
         lastmod = EXCLUDED.lastmod, content_hash = EXCLUDED.content_hash, fetched_at = EXCLUDED.fetched_at`,
      [row.url, row.source_id, row.article_id, row.lastmod, row.content_hash, row.fetched_at],
    );
  }

  async removePage(url: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.t}.web_page WHERE url = $1`, [url]);
  }

  /** The article that already copies this URL (imported through another sitemap, or before it vanished). */
  async articleOf(url: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM ${this.t}.article WHERE source_url = $1`,
      [url],
    );
    return rows[0]?.id;
  }
}
