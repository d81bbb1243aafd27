import { z } from 'zod';
import { defineRpc } from '../message.js';
import { RefIdSchema } from '../case/case.schemas.js';
import { ArticleIdSchema, ArticleLinkSchema, ArticleSummarySchema, LinkKindSchema } from './knowledge.schemas.js';

export const ArticleLinkRequestV1 = z.object({ id: ArticleIdSchema, link: ArticleLinkSchema });
const LinksReply = z.object({ id: ArticleIdSchema, links: z.array(ArticleLinkSchema) });

export const linkArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-link.v1',
  request: ArticleLinkRequestV1,
  response: LinksReply,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f', link: { kind: 'case_type', targetId: 'bygglov' } },
  description: 'Links an article to a case type or category (editors); linking it again changes nothing.',
});

export const unlinkArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-unlink.v1',
  request: ArticleLinkRequestV1,
  response: LinksReply,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f', link: { kind: 'category', targetId: 'altan' } },
  description: 'Removes a link between an article and a case type or category (editors).',
});

export const listLinkedArticlesV1 = defineRpc({
  subject: 'knowledge.rpc.linked-articles.v1',
  request: z.object({
    kind: LinkKindSchema,
    targetId: RefIdSchema,
    includeDrafts: z.boolean().default(false),
  }),
  response: z.object({ items: z.array(ArticleSummarySchema) }),
  example: { kind: 'case_type', targetId: 'bygglov' },
  description: 'The articles linked to a case type or category, by title: what an agent sees on picking one.',
});
