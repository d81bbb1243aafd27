import { ArticleService } from '../../src/services/article.service.js';
import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';

let ctx: KnowledgeTestContext;

beforeAll(async () => {
  ctx = await createKnowledgeTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

const draftFields = {
  kind: 'call_script' as const,
  summary: 'Vad kundtjänst svarar',
  body: '## Fråga\nHur?',
  tags: ['avfall'],
  folderId: null,
  ownerDepartment: 'miljo',
  reviewDate: '2027-01-31',
};

describe(ArticleService.name, () => {
  describe('create, update and versions', () => {
    it('creates a draft, saves versions guarded by the version read, and keeps who changed what', async () => {
      const anna = ctx.as({ id: 'anna', name: 'Anna Agent' });
      const draft = await ctx.articles.create({ ...draftFields, title: 'Grovsopor' }, anna);
      expect(draft).toMatchObject({ version: 1, status: 'draft', title: 'Grovsopor', reviewDate: '2027-01-31' });

      const edited = await ctx.articles.update(
        { id: draft.id, version: 1, changes: { title: 'Grovsopor och möbler', tags: ['avfall'] }, note: 'Tydligare' },
        anna,
      );
      expect(edited.version).toBe(2);
      await expect(
        ctx.articles.update({ id: draft.id, version: 1, changes: { summary: 'Gammal' } }, anna),
      ).rejects.toMatchObject({ code: 'KNOWLEDGE.VERSION_CONFLICT', details: { currentVersion: 2 } });

      const unchanged = await ctx.articles.update({ id: draft.id, version: 2, changes: { tags: ['avfall'] } }, anna);
      expect(unchanged.version).toBe(2);

      const { items } = await ctx.articles.versions(draft.id, anna);
      expect(items.map((v) => [v.version, v.source, v.changedBy])).toEqual([
        [2, 'edited', 'anna'],
        [1, 'created', 'anna'],
      ]);
      expect(items[0]).toMatchObject({
        changedByName: 'Anna Agent',
        note: 'Tydligare',
        changes: { title: { before: 'Grovsopor', after: 'Grovsopor och möbler' } },
      });
      expect(Object.keys(items[0].changes)).toEqual(['title']);
    });

    it('lets only editors publish, change a published article or see someone else’s draft', async () => {
      const author = ctx.as({ id: 'author' });
      const other = ctx.as({ id: 'other' });
      const editor = ctx.editor();
      const draft = await ctx.articles.create({ ...draftFields, title: 'Parkeringstillstånd' }, author);
      await expect(ctx.articles.get(draft.id, other)).rejects.toMatchObject({ code: 'KNOWLEDGE.ARTICLE_NOT_FOUND' });
      await expect(ctx.articles.publish({ id: draft.id, version: 1 }, author)).rejects.toMatchObject({
        code: 'AUTH.FORBIDDEN',
      });
      const published = await ctx.articles.publish({ id: draft.id, version: 1 }, editor);
      expect(published).toMatchObject({ status: 'published', version: 2, publishedVersion: 2 });
      expect(await ctx.articles.get(draft.id, other)).toMatchObject({ status: 'published' });
      await expect(
        ctx.articles.update({ id: draft.id, version: 2, changes: { summary: 'Ny' } }, author),
      ).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
      const again = await ctx.articles.publish({ id: draft.id, version: 2 }, editor);
      expect(again.version).toBe(2);
    });

    it('re-indexes a published article when it is edited, and drops it from search when withdrawn', async () => {
      const editor = ctx.editor();
      const article = await ctx.published({ title: 'Hundrastgård', body: 'Hundrastgården ligger i parken.' });
      const found = async (q: string) => (await ctx.search.search({ q, limit: 5 })).items.map((i) => i.id);
      expect(await found('hundrastgård ')).toEqual([article.id]);

      const edited = await ctx.articles.update(
        { id: article.id, version: article.version, changes: { title: 'Hundpark', body: 'Kopplet av i hundparken.' } },
        editor,
      );
      expect(edited).toMatchObject({ status: 'published', publishedVersion: edited.version });
      expect(await found('hundrastgård ')).toEqual([]);
      expect(await found('hundparken ')).toEqual([article.id]);

      const withdrawn = await ctx.articles.unpublish({ id: article.id, version: edited.version }, editor);
      expect(withdrawn).toMatchObject({ status: 'draft', publishedVersion: null });
      expect(await found('hundparken ')).toEqual([]);
      const sources = (await ctx.articles.versions(article.id, editor)).items.map((v) => v.source);
      expect(sources).toEqual(['unpublished', 'edited', 'published', 'created']);
    });

    it('writes an event per change to the outbox and nudges the relay', async () => {
      const before = (await ctx.outbox()).length;
      const nudges = ctx.nudges();
      const article = await ctx.published({ title: 'Felanmälan vatten' });
      const rows = (await ctx.outbox()).slice(before);
      expect(rows.map((r) => r.subject)).toEqual([
        'knowledge.evt.article-saved.v1',
        'knowledge.evt.article-published.v1',
      ]);
      expect(rows[1].payload.data).toMatchObject({ id: article.id, title: 'Felanmälan vatten', links: [] });
      expect(ctx.nudges()).toBeGreaterThan(nudges);
    });

    it('refuses a folder that does not exist', async () => {
      await expect(
        ctx.articles.create(
          { ...draftFields, title: 'Vilse', folderId: '01935c50-0000-7000-8000-00000000dead' },
          ctx.as(),
        ),
      ).rejects.toMatchObject({ code: 'KNOWLEDGE.FOLDER_NOT_FOUND' });
    });
  });

  describe('links', () => {
    it('links articles to case types and categories both ways; drafts stay out of the agents’ list', async () => {
      const editor = ctx.editor();
      const a = await ctx.published({ title: 'Bygglov för altan' }, ['bygglov']);
      const b = await ctx.published({ title: 'Bygglov för garage' });
      const draft = await ctx.articles.create({ ...draftFields, title: 'Bygglov för pool' }, editor);
      await ctx.links.link(b.id, { kind: 'case_type', targetId: 'bygglov' }, editor);
      await ctx.links.link(b.id, { kind: 'case_type', targetId: 'bygglov' }, editor);
      await ctx.links.link(b.id, { kind: 'category', targetId: 'garage' }, editor);
      await ctx.links.link(draft.id, { kind: 'case_type', targetId: 'bygglov' }, editor);

      const agent = ctx.as();
      const forType = await ctx.links.linked({ kind: 'case_type', targetId: 'bygglov', includeDrafts: true }, agent);
      expect(forType.items.map((i) => i.title)).toEqual(['Bygglov för altan', 'Bygglov för garage']);
      const forEditor = await ctx.links.linked({ kind: 'case_type', targetId: 'bygglov', includeDrafts: true }, editor);
      expect(forEditor.items.map((i) => i.id)).toEqual([a.id, b.id, draft.id]);
      expect((await ctx.articles.get(b.id, agent)).links).toEqual([
        { kind: 'case_type', targetId: 'bygglov' },
        { kind: 'category', targetId: 'garage' },
      ]);

      const after = await ctx.links.unlink(b.id, { kind: 'case_type', targetId: 'bygglov' }, editor);
      expect(after.links).toEqual([{ kind: 'category', targetId: 'garage' }]);
      const remaining = await ctx.links.linked({ kind: 'case_type', targetId: 'bygglov', includeDrafts: false }, agent);
      expect(remaining.items.map((i) => i.id)).toEqual([a.id]);
      await expect(ctx.links.link(a.id, { kind: 'category', targetId: 'x' }, agent)).rejects.toMatchObject({
        code: 'AUTH.FORBIDDEN',
      });
    });
  });

  describe('ratings', () => {
    it('remembers each user’s last rating and gives editors the average and count', async () => {
      const article = await ctx.published({ title: 'Skolskjuts' });
      const anna = ctx.as({ id: 'rater-anna' });
      const bo = ctx.as({ id: 'rater-bo' });
      await ctx.ratings.rate({ id: article.id, stars: 2 }, anna);
      await ctx.ratings.rate({ id: article.id, stars: 5 }, anna);
      const state = await ctx.ratings.rate({ id: article.id, stars: 4 }, bo);
      expect(state).toEqual({ id: article.id, myRating: 4, rating: null });
      expect(await ctx.articles.get(article.id, anna)).toMatchObject({ myRating: 5, rating: null });
      const editor = ctx.editor();
      expect(await ctx.articles.get(article.id, editor)).toMatchObject({
        myRating: null,
        rating: { average: 4.5, count: 2 },
      });
      const own = await ctx.ratings.rate({ id: article.id, stars: 1 }, editor);
      expect(own).toEqual({ id: article.id, myRating: 1, rating: { average: 10 / 3, count: 3 } });
    });

    it('rates only published articles', async () => {
      const author = ctx.as();
      const draft = await ctx.articles.create({ ...draftFields, title: 'Utkast' }, author);
      await expect(ctx.ratings.rate({ id: draft.id, stars: 3 }, author)).rejects.toMatchObject({
        code: 'KNOWLEDGE.NOT_PUBLISHED',
      });
    });
  });

  describe('fromCase', () => {
    it('turns a case’s question and answer into a draft call script linked to its case type', async () => {
      const agent = ctx.as({ id: 'agent-from-case' });
      const article = await ctx.articles.fromCase(
        {
          number: '2026-000042',
          question: 'Får jag elda trädgårdsavfall på tomten?\nGrannen undrar också.',
          answer: 'Nej, inte inom detaljplanerat område. Lämna det på återvinningscentralen.',
          caseTypeId: 'avfall',
        },
        agent,
      );
      expect(article).toMatchObject({
        kind: 'call_script',
        status: 'draft',
        title: 'Får jag elda trädgårdsavfall på tomten?',
        links: [{ kind: 'case_type', targetId: 'avfall' }],
        createdBy: 'agent-from-case',
      });
      expect(article.body).toContain('Lämna det på återvinningscentralen.');
      expect(article.body).toContain('Grannen undrar också.');
      const [version] = (await ctx.articles.versions(article.id, agent)).items;
      expect(version).toMatchObject({ source: 'case', note: 'Från ärende 2026-000042' });
    });
  });

  describe('folders', () => {
    it('builds the tree, lists a folder’s articles, and refuses a folder inside itself', async () => {
      const editor = ctx.editor();
      const root = await ctx.folders.save({ parentId: null, name: 'Trafik', position: 2 }, editor);
      const child = await ctx.folders.save({ parentId: root.id, name: 'Parkering', position: 0 }, editor);
      const grandchild = await ctx.folders.save({ parentId: child.id, name: 'Tillstånd', position: 0 }, editor);
      await expect(
        ctx.folders.save({ id: root.id, parentId: grandchild.id, name: 'Trafik', position: 2 }, editor),
      ).rejects.toMatchObject({ code: 'KNOWLEDGE.FOLDER_CYCLE' });
      await expect(ctx.folders.save({ parentId: null, name: 'X', position: 0 }, ctx.as())).rejects.toMatchObject({
        code: 'AUTH.FORBIDDEN',
      });

      const { roots } = await ctx.folders.tree();
      const trafik = roots.find((r) => r.id === root.id);
      expect(trafik?.children.map((c) => c.name)).toEqual(['Parkering']);
      expect(trafik?.children[0].children.map((c) => c.id)).toEqual([grandchild.id]);

      const article = await ctx.published({ title: 'Boendeparkering', folderId: child.id });
      const listed = await ctx.articles.inFolder({ folderId: child.id, includeDrafts: false }, ctx.as());
      expect(listed.items.map((i) => i.id)).toEqual([article.id]);
    });
  });
});
