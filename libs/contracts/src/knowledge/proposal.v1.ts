import { z } from 'zod';
import { defineRpc } from '../message.js';
import { TimestampSchema } from '../case/case.schemas.js';
import { ArticleChangesSchema, ArticleIdSchema, ArticleViewSchema } from './knowledge.schemas.js';

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);

export const ProposalSchema = z.object({
  id: z.uuid(),
  articleId: ArticleIdSchema,
  /** The article version the proposer read. */
  baseVersion: z.number().int().positive(),
  changes: z.record(z.string(), z.unknown()),
  comment: z.string(),
  status: ProposalStatusSchema,
  proposedBy: z.string(),
  proposedByName: z.string().nullable(),
  proposedAt: TimestampSchema,
  decidedBy: z.string().nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  /** The article version accepting it made. */
  acceptedVersion: z.number().int().positive().nullable(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposeChangeRequestV1 = z.object({
  id: ArticleIdSchema,
  version: z.number().int().positive(),
  changes: ArticleChangesSchema,
  comment: z.string().trim().min(1).max(2000),
});

export const proposeChangeV1 = defineRpc({
  subject: 'knowledge.rpc.proposal-create.v1',
  request: ProposeChangeRequestV1,
  response: ProposalSchema,
  example: {
    id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    version: 3,
    changes: { body: '## Fråga först\n- Hur hög är altanen?\n- Är det ett trädäck?\n' },
    comment: 'Kunder frågar ofta om trädäck',
  },
  description: 'An agent proposes a change to an article; an editor accepts or rejects it.',
});

export const DecideProposalRequestV1 = z.object({
  proposalId: z.uuid(),
  note: z.string().trim().max(2000).optional(),
});

export const acceptProposalV1 = defineRpc({
  subject: 'knowledge.rpc.proposal-accept.v1',
  request: DecideProposalRequestV1,
  response: z.object({ proposal: ProposalSchema, article: ArticleViewSchema }),
  example: { proposalId: '01935c51-1111-7222-8333-444455556666', note: 'Bra, tack' },
  description:
    'Applies an open proposal as a new article version (editors); KNOWLEDGE.VERSION_CONFLICT if the changed fields were edited since.',
});

export const rejectProposalV1 = defineRpc({
  subject: 'knowledge.rpc.proposal-reject.v1',
  request: DecideProposalRequestV1,
  response: ProposalSchema,
  example: { proposalId: '01935c51-1111-7222-8333-444455556666', note: 'Står redan under rubriken Altan' },
  description: 'Rejects an open proposal (editors), with a note to the proposer.',
});

export const listProposalsV1 = defineRpc({
  subject: 'knowledge.rpc.proposal-list.v1',
  request: z.object({ articleId: ArticleIdSchema.optional(), status: ProposalStatusSchema.optional() }),
  response: z.object({ items: z.array(ProposalSchema) }),
  example: { status: 'open' },
  description: 'Change proposals, newest first; of one article or all, by status.',
});
