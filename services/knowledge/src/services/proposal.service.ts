import type { DataSource } from 'typeorm';
import {
  type ArticleChanges,
  type ArticleView,
  type Proposal,
  DomainError,
  proposalDecidedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { ProposalRepository, ProposalRow } from '../repositories/proposal.repository.js';
import type { ArticleRepository } from '../repositories/article.repository.js';
import type { ArticleService, CommitListener } from './article.service.js';
import { assertEditor, isEditor } from './editor-rules.js';

/**
 * Change proposals: an agent proposes, an editor accepts (the changes become a new article version that
 * names the proposal) or rejects. Accepting is refused if a field it changes was edited after the version
 * the proposer read; fields it does not touch may have changed meanwhile.
 */
export class ProposalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly proposals: ProposalRepository,
    private readonly articles: ArticleService,
    private readonly versions: ArticleRepository,
    private readonly listener: CommitListener,
    private readonly schema: string,
  ) {}

  async propose(
    input: { id: string; version: number; changes: ArticleChanges; comment: string },
    ctx: RpcContext,
  ): Promise<Proposal> {
    const article = await this.articles.visible(input.id, ctx.actor);
    if (article.version !== input.version) {
      throw new DomainError(
        'KNOWLEDGE.VERSION_CONFLICT',
        `The article is at version ${article.version}: read it again`,
        {
          currentVersion: article.version,
        },
      );
    }
    const row: ProposalRow = {
      id: uuidv7(),
      article_id: article.id,
      base_version: article.version,
      changes: input.changes,
      comment: input.comment,
      status: 'open',
      proposed_by: ctx.actor.id,
      proposed_by_name: ctx.actor.name ?? null,
      proposed_at: new Date(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
      accepted_version: null,
    };
    await this.proposals.insert(row);
    return toProposal(row);
  }

  async accept(
    input: { proposalId: string; note?: string },
    ctx: RpcContext,
  ): Promise<{ proposal: Proposal; article: ArticleView }> {
    assertEditor(ctx.actor, 'accept proposals');
    let decided: ProposalRow | undefined;
    const proposal = await this.open(input.proposalId);
    const article = await this.articles.change(proposal.article_id, ctx, async (manager, current, events) => {
      const locked = await this.proposals.lock(manager, input.proposalId);
      if (!locked || locked.status !== 'open') throw decidedAlready(input.proposalId);
      const changes = locked.changes as ArticleChanges;
      if (current.version !== locked.base_version) {
        // Fields the proposal changes must not have been edited after the version the proposer read.
        const touched = await this.versions.changedFieldsSince(manager, current.id, locked.base_version);
        const clash = Object.keys(changes).filter((field) => touched.includes(field));
        if (clash.length > 0) {
          throw new DomainError(
            'KNOWLEDGE.VERSION_CONFLICT',
            `The article changed since the proposal (now version ${current.version}) in: ${clash.join(', ')}`,
            { currentVersion: current.version, fields: clash },
          );
        }
      }
      const updated = await this.articles.applyChanges(manager, current, changes, ctx, events, {
        source: 'proposal',
        note: input.note ?? locked.comment,
        proposalId: locked.id,
      });
      decided = await this.proposals.decide(manager, locked.id, {
        status: 'accepted',
        decided_by: ctx.actor.id,
        decided_at: new Date(),
        decision_note: input.note ?? null,
        accepted_version: updated.version === current.version ? null : updated.version,
      });
      events.push(
        createEnvelope(
          proposalDecidedV1,
          {
            proposalId: locked.id,
            articleId: locked.article_id,
            proposedBy: locked.proposed_by,
            outcome: 'accepted',
            note: input.note ?? null,
          },
          ctx,
        ),
      );
      return updated;
    });
    return { proposal: toProposal(decided as ProposalRow), article: await this.articles.view(article, ctx.actor) };
  }

  async reject(input: { proposalId: string; note?: string }, ctx: RpcContext): Promise<Proposal> {
    assertEditor(ctx.actor, 'reject proposals');
    const decided = await this.dataSource.transaction(async (manager) => {
      const locked = await this.proposals.lock(manager, input.proposalId);
      if (!locked) throw proposalNotFound(input.proposalId);
      if (locked.status !== 'open') throw decidedAlready(input.proposalId);
      const row = await this.proposals.decide(manager, locked.id, {
        status: 'rejected',
        decided_by: ctx.actor.id,
        decided_at: new Date(),
        decision_note: input.note ?? null,
        accepted_version: null,
      });
      const envelope = createEnvelope(
        proposalDecidedV1,
        {
          proposalId: row.id,
          articleId: row.article_id,
          proposedBy: row.proposed_by,
          outcome: 'rejected',
          note: input.note ?? null,
        },
        ctx,
      );
      await Outbox.add(manager, envelope, this.schema);
      return row;
    });
    this.listener.nudge();
    return toProposal(decided);
  }

  /** Editors see every proposal; others their own. */
  async list(input: { articleId?: string; status?: Proposal['status'] }, ctx: RpcContext) {
    const rows = await this.proposals.list({
      ...input,
      ...(isEditor(ctx.actor) ? {} : { proposedBy: ctx.actor.id }),
    });
    return { items: rows.map(toProposal) };
  }

  private async open(id: string): Promise<ProposalRow> {
    const row = await this.proposals.find(id);
    if (!row) throw proposalNotFound(id);
    if (row.status !== 'open') throw decidedAlready(id);
    return row;
  }
}

function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    articleId: row.article_id,
    baseVersion: row.base_version,
    changes: row.changes,
    comment: row.comment,
    status: row.status,
    proposedBy: row.proposed_by,
    proposedByName: row.proposed_by_name,
    proposedAt: row.proposed_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    acceptedVersion: row.accepted_version,
  };
}

function proposalNotFound(id: string): DomainError {
  return new DomainError('KNOWLEDGE.PROPOSAL_NOT_FOUND', `No proposal ${id}`);
}

function decidedAlready(id: string): DomainError {
  return new DomainError('KNOWLEDGE.PROPOSAL_DECIDED', `Proposal ${id} has been decided already`);
}
