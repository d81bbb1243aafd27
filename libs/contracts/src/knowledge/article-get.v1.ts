import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleIdSchema, ArticleViewSchema } from './knowledge.schemas.js';

export const ArticleRefSchema = z.object({ id: ArticleIdSchema });

export const getArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-get.v1',
  request: ArticleRefSchema,
  response: ArticleViewSchema,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f' },
  description: 'An article with its links, its rating and the caller’s own rating.',
});
