import type { DataSource } from 'typeorm';
import type { ArticleKind } from '@arende/contracts';
import type { KnowledgeSearch } from './knowledge-search.js';

interface PublishedRow {
  id: string;
  version: number;
  kind: ArticleKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  folder_id: string | null;
  published_at: Date;
  case_type_ids: string[];
}

/**
 * Writes every published article into `search` (a new OpenSearch index, or one that missed events the stream
 * no longer holds), `concurrency` at a time, in pages by id. Versions are external, so it may run while events
 * are consumed. Returns how many articles were written.
 */
export async function reindexAll(
  dataSource: DataSource,
  schema: string,
  search: KnowledgeSearch,
  options: { pageSize?: number; concurrency?: number } = {},
): Promise<number> {
  const pageSize = options.pageSize ?? 500;
  const concurrency = options.concurrency ?? 8;
  let after = '00000000-0000-0000-0000-000000000000';
  let count = 0;
  for (;;) {
    const rows = await dataSource.query<PublishedRow[]>(
      `SELECT a.id, a.version, a.kind, a.title, a.summary, a.body, a.tags, a.folder_id, a.published_at,
         coalesce((SELECT array_agg(l.target_id ORDER BY l.target_id) FROM "${schema}".article_link l
                   WHERE l.article_id = a.id AND l.kind = 'case_type'), '{}') AS case_type_ids
       FROM "${schema}".article a
       WHERE a.status = 'published' AND a.id > $1
       ORDER BY a.id LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return count;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const row = rows[i];
        await search.index({
          id: row.id,
          version: row.version,
          kind: row.kind,
          title: row.title,
          summary: row.summary,
          body: row.body,
          tags: row.tags,
          folderId: row.folder_id,
          caseTypeIds: row.case_type_ids,
          publishedAt: row.published_at,
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    count += rows.length;
    after = rows[rows.length - 1].id;
  }
}
