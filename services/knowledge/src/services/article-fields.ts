import { type ArticleFields, type ArticleSummary, DomainError } from '@arende/contracts';
import type { ArticleListRow, ArticleRow } from '../repositories/article.repository.js';

export function notFound(id: string): DomainError {
  return new DomainError('KNOWLEDGE.ARTICLE_NOT_FOUND', `No article ${id}`);
}

export function assertVersion(row: ArticleRow, version: number): void {
  if (row.version !== version) {
    throw new DomainError(
      'KNOWLEDGE.VERSION_CONFLICT',
      `The article is at version ${row.version}, not ${version}: read it again`,
      { currentVersion: row.version },
    );
  }
}

export function fieldsOf(row: ArticleRow): ArticleFields {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    folderId: row.folder_id,
    ownerDepartment: row.owner_department,
    reviewDate: row.review_date,
  };
}

export function toSummary(row: ArticleListRow): ArticleSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    folderId: row.folder_id,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function firstLine(text: string, max: number): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim().slice(0, max);
}
