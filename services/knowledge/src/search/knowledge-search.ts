import type { EntityManager } from 'typeorm';
import type { ArticleKind, SearchArticlesRequest, SearchResult } from '@arende/contracts';

/** What a search back end indexes: one published version of an article. */
export interface SearchDocument {
  id: string;
  version: number;
  kind: ArticleKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  folderId: string | null;
  caseTypeIds: string[];
  publishedAt: Date;
}

export interface SuggestRequest {
  text: string;
  limit: number;
}

/**
 * The port every search back end implements: PostgreSQL full-text search (embedded default) and OpenSearch
 * (production). The same contract test (test/medium/search-contract.ts) runs against each.
 */
export interface KnowledgeSearch {
  /** Makes a published version findable, replacing an earlier one. PostgreSQL does it in the caller's transaction. */
  index(document: SearchDocument, manager?: EntityManager): Promise<void>;
  /** Makes an article unfindable (withdrawn); removing one that is not indexed changes nothing. */
  remove(articleId: string, manager?: EntityManager): Promise<void>;
  /** Replaces the synonym groups the back end expands queries with (PostgreSQL reads its table instead). */
  synonymsChanged(groups: string[][]): Promise<void>;
  /** As-you-type search: every word must match (the last as a prefix); exact title matches first. */
  search(request: SearchArticlesRequest): Promise<SearchResult>;
  /** Any word may match: for suggesting articles from a case's title and description. */
  suggest(request: SuggestRequest & Pick<SearchArticlesRequest, 'caseTypeId'>): Promise<SearchResult>;
}
