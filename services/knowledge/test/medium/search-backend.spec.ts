import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@arende/config';
import { ensureStreams, RpcClient } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { expectEventually, factory } from '@arende/testing';
import {
  createArticleV1,
  linkArticleV1,
  publishArticleV1,
  searchArticlesV1,
  unpublishArticleV1,
} from '@arende/contracts';
import { startKnowledge } from '../../src/boot.js';
import { knowledgeConfig } from '../../src/config.js';
import type { KnowledgeSearch, SearchDocument } from '../../src/search/knowledge-search.js';
import { reindexAll } from '../../src/search/reindex.js';
import { SCHEMA } from '../../src/schema.js';
import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';

// knowledge with another search back end (as OpenSearch would be): it stands in for the outside search
// server and records what reaches it. Queries go to it; it is kept in step from the article events.
const indexed: SearchDocument[] = [];
const removed: string[] = [];
const queries: string[] = [];
const backend: KnowledgeSearch = {
  index: (document) => Promise.resolve(void indexed.push(document)),
  remove: (id) => Promise.resolve(void removed.push(id)),
  synonymsChanged: () => Promise.resolve(),
  search: (request) => {
    queries.push(request.q);
    return Promise.resolve({ items: [], expandedWith: ['från-reservsökmotorn'] });
  },
  suggest: () => Promise.resolve({ items: [], expandedWith: [] }),
};

let ctx: KnowledgeTestContext;
let app: INestApplicationContext;
let rpc: RpcClient;

beforeAll(async () => {
  ctx = await createKnowledgeTestContext();
  await ensureStreams(ctx.jsm, ctx.names, ['knowledge']);
  app = await startKnowledge({
    config: loadConfig(knowledgeConfig, { NATS_PREFIX: ctx.prefix, WEB_IMPORT_POLL_SECONDS: '0' }),
    dataSource: ctx.dataSource,
    nc: ctx.nc,
    js: ctx.js,
    names: ctx.names,
    logger: createLogger({ service: 'knowledge', level: 'silent' }),
    metrics: createMetrics('knowledge'),
    search: backend,
  });
  rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('another search back end', () => {
  it('gets the queries, and is kept in step from the published and unpublished events', async () => {
    const editor = { actor: factory.actor({ roles: ['admin'] }), correlationId: factory.correlationId() };
    const draft = await rpc.request(createArticleV1, { kind: 'checklist', title: 'Felanmälan gatlykta' }, editor);
    await rpc.request(linkArticleV1, { id: draft.id, link: { kind: 'case_type', targetId: 'belysning' } }, editor);
    const published = await rpc.request(publishArticleV1, { id: draft.id, version: draft.version }, editor);
    await expectEventually(() => {
      expect(indexed).toEqual([
        expect.objectContaining({
          id: draft.id,
          version: published.version,
          title: 'Felanmälan gatlykta',
          kind: 'checklist',
          caseTypeIds: ['belysning'],
        }),
      ]);
    });

    const result = await rpc.request(searchArticlesV1, { q: 'gatlykta' }, editor);
    expect(result.expandedWith).toEqual(['från-reservsökmotorn']);
    expect(queries).toEqual(['gatlykta']);
    // PostgreSQL's own search rows are written all the same.
    expect((await ctx.search.search({ q: 'gatlykta', limit: 5 })).items.map((h) => h.id)).toEqual([draft.id]);

    await rpc.request(unpublishArticleV1, { id: draft.id, version: published.version }, editor);
    await expectEventually(() => expect(removed).toEqual([draft.id]));
  });
});

describe(reindexAll.name, () => {
  it('writes every published article, with its case types, and nothing else', async () => {
    const a = await ctx.published({ title: 'Omsorg om äldre', body: 'Hemtjänst i hemmet.' }, ['hemtjanst']);
    const b = await ctx.published({ title: 'Bostadstillägg' });
    await ctx.articles.create(
      {
        kind: 'information',
        title: 'Utkast',
        summary: '',
        body: '',
        tags: [],
        folderId: null,
        ownerDepartment: null,
        reviewDate: null,
      },
      ctx.editor(),
    );
    const written: SearchDocument[] = [];
    const target: KnowledgeSearch = { ...backend, index: (document) => Promise.resolve(void written.push(document)) };
    const count = await reindexAll(ctx.dataSource, SCHEMA.schema, target, { pageSize: 1, concurrency: 2 });
    const published = (
      await ctx.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM "${SCHEMA.schema}".article WHERE status = 'published'`,
      )
    ).map((row) => row.id);
    expect(count).toBe(published.length);
    expect(written.map((d) => d.id).sort()).toEqual(published.sort());
    expect(written.find((d) => d.id === a.id)).toMatchObject({ caseTypeIds: ['hemtjanst'], version: a.version });
    expect(written.find((d) => d.id === b.id)).toMatchObject({ caseTypeIds: [], title: 'Bostadstillägg' });
  });
});
