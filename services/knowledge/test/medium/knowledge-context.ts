import { outboxTablesSql, type RpcContext } from '@arende/messaging';
import { type TestContext, createTestContext, factory } from '@arende/testing';
import type { Actor, ArticleFields, ArticleView } from '@arende/contracts';
import { ArticleRepository } from '../../src/repositories/article.repository.js';
import { FolderRepository } from '../../src/repositories/folder.repository.js';
import { ProposalRepository } from '../../src/repositories/proposal.repository.js';
import { SynonymRepository } from '../../src/repositories/synonym.repository.js';
import { PostgresSearch } from '../../src/search/postgres-search.js';
import { ArticleLinkService } from '../../src/services/article-link.service.js';
import { ArticleService } from '../../src/services/article.service.js';
import { RatingService } from '../../src/services/rating.service.js';
import { FolderService } from '../../src/services/folder.service.js';
import { ProposalService } from '../../src/services/proposal.service.js';
import { SearchService } from '../../src/services/search.service.js';
import { SynonymService } from '../../src/services/synonym.service.js';
import { SCHEMA } from '../../src/schema.js';

interface OutboxRow {
  subject: string;
  payload: { type: string; data: Record<string, unknown> };
}

export interface KnowledgeTestContext extends TestContext {
  search: PostgresSearch;
  articles: ArticleService;
  links: ArticleLinkService;
  ratings: RatingService;
  proposals: ProposalService;
  folders: FolderService;
  synonyms: SynonymService;
  searching: SearchService;
  nudges: () => number;
  /** An agent by default; `editor()` is a supervisor. */
  as(actor?: Partial<Actor>): RpcContext;
  editor(actor?: Partial<Actor>): RpcContext;
  /** A published article with these fields (created and published by an editor). */
  published(fields: Partial<ArticleFields> & { title: string }, caseTypeIds?: string[]): Promise<ArticleView>;
  outbox(): Promise<OutboxRow[]>;
}

/** knowledge's services on their own database, with the outbox relay replaced by a counter of nudges. */
export async function createKnowledgeTestContext(): Promise<KnowledgeTestContext> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  let nudged = 0;
  const listener = { nudge: () => void nudged++ };
  const schema = SCHEMA.schema;
  const repository = new ArticleRepository(ctx.dataSource, schema);
  const search = new PostgresSearch(ctx.dataSource, schema);
  const articles = new ArticleService(ctx.dataSource, repository, search, listener, schema);
  const links = new ArticleLinkService(articles, repository);
  const ratings = new RatingService(articles, repository);
  const proposals = new ProposalService(
    ctx.dataSource,
    new ProposalRepository(ctx.dataSource, schema),
    articles,
    repository,
    listener,
    schema,
  );
  const folders = new FolderService(ctx.dataSource, new FolderRepository(ctx.dataSource, schema));
  const synonyms = new SynonymService(ctx.dataSource, new SynonymRepository(ctx.dataSource, schema), search);
  const as = (actor: Partial<Actor> = {}): RpcContext => ({
    actor: factory.actor(actor),
    correlationId: factory.correlationId(),
  });
  const editor = (actor: Partial<Actor> = {}) => as({ roles: ['supervisor'], ...actor });
  const published = async (fields: Partial<ArticleFields> & { title: string }, caseTypeIds: string[] = []) => {
    const by = editor({ id: 'redaktor' });
    const draft = await articles.create(
      {
        kind: 'information',
        summary: '',
        body: '',
        tags: [],
        folderId: null,
        ownerDepartment: null,
        reviewDate: null,
        ...fields,
      },
      by,
    );
    for (const targetId of caseTypeIds) await links.link(draft.id, { kind: 'case_type', targetId }, by);
    return await articles.publish({ id: draft.id, version: draft.version }, by);
  };
  return {
    ...ctx,
    search,
    articles,
    links,
    ratings,
    proposals,
    folders,
    synonyms,
    searching: new SearchService(search),
    nudges: () => nudged,
    as,
    editor,
    published,
    outbox: () => ctx.dataSource.query<OutboxRow[]>(`SELECT subject, payload FROM "${schema}".outbox ORDER BY seq`),
  };
}
