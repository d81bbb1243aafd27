import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleFieldsSchema, ArticleViewSchema } from './knowledge.schemas.js';

export const CreateArticleRequestV1 = ArticleFieldsSchema;

export const createArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-create.v1',
  request: CreateArticleRequestV1,
  response: ArticleViewSchema,
  example: {
    kind: 'checklist',
    title: 'Anmäla fel på gatubelysning',
    summary: 'Vad kundtjänst frågar efter när en lampa är trasig.',
    body: '- [ ] Var står stolpen?\n- [ ] Stolpens nummer\n',
    tags: ['gatubelysning'],
  },
  description: 'Creates an article as a draft (version 1); anyone who works cases may write one.',
});

export type CreateArticleRequest = z.output<typeof CreateArticleRequestV1>;
