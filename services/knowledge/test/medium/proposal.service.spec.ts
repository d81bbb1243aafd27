import { ProposalService } from '../../src/services/proposal.service.js';
import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';

let ctx: KnowledgeTestContext;

beforeAll(async () => {
  ctx = await createKnowledgeTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

describe(ProposalService.name, () => {
  it('applies an accepted proposal as a new version that names it, and tells the proposer', async () => {
    const article = await ctx.published({ title: 'Färdtjänst', body: 'Ansök hos kommunen.' });
    const agent = ctx.as({ id: 'prop-agent', name: 'Agnes' });
    const proposal = await ctx.proposals.propose(
      { id: article.id, version: article.version, changes: { body: 'Ansök via e-tjänsten.' }, comment: 'Ny rutin' },
      agent,
    );
    expect(proposal).toMatchObject({ status: 'open', baseVersion: article.version, proposedBy: 'prop-agent' });
    await expect(ctx.proposals.accept({ proposalId: proposal.id }, agent)).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });

    const editor = ctx.editor({ id: 'prop-editor' });
    const { proposal: accepted, article: after } = await ctx.proposals.accept(
      { proposalId: proposal.id, note: 'Tack' },
      editor,
    );
    expect(after).toMatchObject({ body: 'Ansök via e-tjänsten.', version: article.version + 1, status: 'published' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'prop-editor', acceptedVersion: after.version });

    const [latest] = (await ctx.articles.versions(article.id, agent)).items;
    expect(latest).toMatchObject({
      source: 'proposal',
      proposalId: proposal.id,
      changedBy: 'prop-editor',
      note: 'Tack',
      changes: { body: { before: 'Ansök hos kommunen.', after: 'Ansök via e-tjänsten.' } },
    });
    const hits = await ctx.search.search({ q: 'tjänsten ', limit: 5 });
    expect(hits.items.map((h) => h.id)).toEqual([article.id]);

    const decided = (await ctx.outbox()).filter((r) => r.subject === 'knowledge.evt.proposal-decided.v1');
    expect(decided.at(-1)?.payload.data).toMatchObject({ proposalId: proposal.id, outcome: 'accepted' });
    await expect(ctx.proposals.accept({ proposalId: proposal.id }, editor)).rejects.toMatchObject({
      code: 'KNOWLEDGE.PROPOSAL_DECIDED',
    });
  });

  it('rejects with a note and leaves the article as it was', async () => {
    const article = await ctx.published({ title: 'Bostadsanpassning' });
    const agent = ctx.as({ id: 'prop-agent-2' });
    const proposal = await ctx.proposals.propose(
      { id: article.id, version: article.version, changes: { title: 'Fel titel' }, comment: 'Kortare' },
      agent,
    );
    const rejected = await ctx.proposals.reject(
      { proposalId: proposal.id, note: 'Titeln är fastställd' },
      ctx.editor(),
    );
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'Titeln är fastställd', acceptedVersion: null });
    expect((await ctx.articles.get(article.id, agent)).version).toBe(article.version);
    const mine = await ctx.proposals.list({ articleId: article.id }, agent);
    expect(mine.items.map((p) => p.status)).toEqual(['rejected']);
    expect((await ctx.proposals.list({ articleId: article.id }, ctx.as())).items).toEqual([]);
  });

  it('accepts over edits to other fields, but not over an edit to a field the proposal changes', async () => {
    const editor = ctx.editor();
    const article = await ctx.published({ title: 'Förskoleplats', summary: 'Kö', body: 'Text' });
    const agent = ctx.as();
    const onBody = await ctx.proposals.propose(
      { id: article.id, version: article.version, changes: { body: 'Ny text' }, comment: 'a' },
      agent,
    );
    const onSummary = await ctx.proposals.propose(
      { id: article.id, version: article.version, changes: { summary: 'Ny kö' }, comment: 'b' },
      agent,
    );
    const edited = await ctx.articles.update(
      { id: article.id, version: article.version, changes: { summary: 'Kötid fyra månader' } },
      editor,
    );
    const { article: after } = await ctx.proposals.accept({ proposalId: onBody.id }, editor);
    expect(after).toMatchObject({ body: 'Ny text', summary: 'Kötid fyra månader', version: edited.version + 1 });
    await expect(ctx.proposals.accept({ proposalId: onSummary.id }, editor)).rejects.toMatchObject({
      code: 'KNOWLEDGE.VERSION_CONFLICT',
      details: { fields: ['summary'] },
    });
  });

  it('refuses a proposal on a stale version and an unknown proposal', async () => {
    const article = await ctx.published({ title: 'Äldreboende' });
    await expect(
      ctx.proposals.propose({ id: article.id, version: 1, changes: { title: 'x' }, comment: 'y' }, ctx.as()),
    ).rejects.toMatchObject({ code: 'KNOWLEDGE.VERSION_CONFLICT' });
    await expect(
      ctx.proposals.reject({ proposalId: '01935c51-1111-7222-8333-444455556666' }, ctx.editor()),
    ).rejects.toMatchObject({ code: 'KNOWLEDGE.PROPOSAL_NOT_FOUND' });
  });
});
