import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleChangesSchema, ArticleIdSchema, ArticleViewSchema } from './knowledge.schemas.js';

export const UpdateArticleRequestV1 = z.object({
  id: ArticleIdSchema,
  /** The version the editor read: a stale one is refused with KNOWLEDGE.VERSION_CONFLICT. */
  version: z.number().int().positive(),
  changes: ArticleChangesSchema,
  /** Why, for the version history. */
  note: z.string().trim().max(500).optional(),
});

export const updateArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-update.v1',
  request: UpdateArticleRequestV1,
  response: ArticleViewSchema,
  example: {
    id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    version: 3,
    changes: { summary: 'När behövs bygglov för en altan eller ett trädäck?' },
    note: 'Trädäck lades till',
  },
  description:
    'Saves a new version of an article, guarded by the version the editor read; a published article is re-indexed at once.',
});
