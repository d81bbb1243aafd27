import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleIdSchema, ArticleViewSchema } from './knowledge.schemas.js';

export const PublishArticleRequestV1 = z.object({
  id: ArticleIdSchema,
  /** The version the editor read and means to publish (or withdraw). */
  version: z.number().int().positive(),
});

export const publishArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-publish.v1',
  request: PublishArticleRequestV1,
  response: ArticleViewSchema,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f', version: 2 },
  description: 'Publishes an article (editors): it becomes searchable; publishing it again changes nothing.',
});

export const unpublishArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-unpublish.v1',
  request: PublishArticleRequestV1,
  response: ArticleViewSchema,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f', version: 3 },
  description: 'Withdraws an article to draft (editors): search no longer finds it.',
});
