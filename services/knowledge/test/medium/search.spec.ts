import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';
import { type SearchContractHarness, searchContract } from './search-contract.js';

let ctx: KnowledgeTestContext;
let harness: SearchContractHarness;

beforeAll(async () => {
  ctx = await createKnowledgeTestContext();
  const editor = ctx.editor({ id: 'redaktor' });
  let synonymGroups: string[] = [];
  harness = {
    search: ctx.search,
    publish: async (article) =>
      (
        await ctx.published(
          {
            title: article.title,
            kind: article.kind ?? 'information',
            summary: article.summary ?? '',
            body: article.body ?? '',
            tags: article.tags ?? [],
            folderId: article.folderId ?? null,
          },
          article.caseTypeIds,
        )
      ).id,
    withdraw: async (id) => {
      const article = await ctx.articles.get(id, editor);
      await ctx.articles.unpublish({ id, version: article.version }, editor);
    },
    folder: async (parentId) =>
      (await ctx.folders.save({ parentId, name: `Mapp ${Math.random()}`, position: 0 }, editor)).id,
    synonyms: async (groups) => {
      for (const id of synonymGroups) await ctx.synonyms.delete({ id }, editor);
      synonymGroups = [];
      for (const terms of groups) synonymGroups.push((await ctx.synonyms.save({ terms }, editor)).id);
    },
  };
});

afterAll(async () => {
  await ctx?.close();
});

searchContract('PostgreSQL', () => harness);

describe('PostgreSQL search, beyond the contract', () => {
  it('finds compounds that end in the word searched for (grannremiss for remiss)', async () => {
    const compound = await harness.publish({ title: 'Grannar', body: 'En grannremiss skickas till närmaste grannar.' });
    const plain = await harness.publish({ title: 'Remiss till lantmäteriet', body: 'Svar inom tre veckor.' });
    const found = (await ctx.search.search({ q: 'remiss ', limit: 10 })).items.map((hit) => hit.id);
    expect(found.sort()).toEqual([compound, plain].sort());
    // A compound's first part is found as a prefix already; the head (last part) needs this expansion.
    expect((await ctx.search.search({ q: 'grannremiss ', limit: 10 })).items.map((hit) => hit.id)).toEqual([compound]);
  });
});
