import { z } from 'zod';
import { defineEvent } from '../message.js';
import { FieldChangeSchema } from '../case/case-updated.v1.js';
import {
  ArticleIdSchema,
  ArticleKindSchema,
  ArticleLinkSchema,
  DateOnlySchema,
  exampleArticle,
} from './knowledge.schemas.js';

const exampleId = exampleArticle.id;

export const articleSavedV1 = defineEvent({
  subject: 'knowledge.evt.article-saved.v1',
  data: z.object({
    id: ArticleIdSchema,
    version: z.number().int().positive(),
    created: z.boolean(),
    changes: z.record(z.string(), FieldChangeSchema),
  }),
  example: {
    id: exampleId,
    version: 4,
    created: false,
    changes: { title: { before: 'Altan', after: 'Bygglov för altan' } },
  },
  description: 'An article was created or a new version of it saved; each change carries its value before and after.',
});

/** All a search index needs: the OpenSearch adapter keeps its index in step from this and article-unpublished. */
export const articlePublishedV1 = defineEvent({
  subject: 'knowledge.evt.article-published.v1',
  data: z.object({
    id: ArticleIdSchema,
    version: z.number().int().positive(),
    kind: ArticleKindSchema,
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    folderId: z.uuid().nullable(),
    ownerDepartment: z.string().nullable(),
    reviewDate: DateOnlySchema.nullable(),
    links: z.array(ArticleLinkSchema),
  }),
  example: {
    id: exampleId,
    version: 3,
    kind: 'call_script',
    title: exampleArticle.title,
    summary: exampleArticle.summary,
    body: exampleArticle.body,
    tags: exampleArticle.tags,
    folderId: exampleArticle.folderId,
    ownerDepartment: 'stadsbyggnad',
    reviewDate: '2027-06-01',
    links: [{ kind: 'case_type', targetId: 'bygglov' }],
  },
  description: 'A version of an article became the one readers and search see (also after an edit or a link change).',
});

export const articleUnpublishedV1 = defineEvent({
  subject: 'knowledge.evt.article-unpublished.v1',
  data: z.object({ id: ArticleIdSchema, version: z.number().int().positive() }),
  example: { id: exampleId, version: 3 },
  description: 'An article was withdrawn to draft: search must no longer find it.',
});

export const proposalDecidedV1 = defineEvent({
  subject: 'knowledge.evt.proposal-decided.v1',
  data: z.object({
    proposalId: z.uuid(),
    articleId: ArticleIdSchema,
    proposedBy: z.string(),
    outcome: z.enum(['accepted', 'rejected']),
    note: z.string().nullable(),
  }),
  example: {
    proposalId: '01935c51-1111-7222-8333-444455556666',
    articleId: exampleId,
    proposedBy: 'anna',
    outcome: 'accepted',
    note: 'Bra, tack',
  },
  description: 'An editor accepted or rejected a change proposal (the proposer may be told).',
});
