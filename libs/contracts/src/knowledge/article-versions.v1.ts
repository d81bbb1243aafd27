import { z } from 'zod';
import { defineRpc } from '../message.js';
import { TimestampSchema } from '../case/case.schemas.js';
import { FieldChangeSchema } from '../case/case-updated.v1.js';
import { ArticleIdSchema } from './knowledge.schemas.js';

export const VERSION_SOURCES = [
  'created',
  'edited',
  'proposal',
  'case',
  'published',
  'unpublished',
  'imported',
] as const;

export const ArticleVersionSchema = z.object({
  version: z.number().int().positive(),
  source: z.enum(VERSION_SOURCES),
  changedAt: TimestampSchema,
  changedBy: z.string(),
  changedByName: z.string().nullable(),
  note: z.string().nullable(),
  /** The fields this version changed, each before and after. */
  changes: z.record(z.string(), FieldChangeSchema),
  /** The change proposal this version came from, if any. */
  proposalId: z.uuid().nullable(),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

export const listArticleVersionsV1 = defineRpc({
  subject: 'knowledge.rpc.article-versions.v1',
  request: z.object({ id: ArticleIdSchema }),
  response: z.object({ items: z.array(ArticleVersionSchema) }),
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f' },
  description: 'The history of an article, newest first: who changed what, when, and from which proposal.',
});
