import { z } from 'zod';
import { defineRpc } from '../message.js';
import { RefIdSchema } from '../case/case.schemas.js';
import { ArticleIdSchema, ArticleKindSchema } from './knowledge.schemas.js';

export const SearchFiltersSchema = z.object({
  kinds: z.array(ArticleKindSchema).max(3).optional(),
  folderId: z.uuid().optional(),
  caseTypeId: RefIdSchema.optional(),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

export const SearchArticlesRequestV1 = SearchFiltersSchema.extend({
  /** What the agent typed so far; the last word counts as a prefix unless the text ends in a space. */
  q: z.string().max(200),
  limit: z.number().int().min(1).max(50).default(10),
});
export type SearchArticlesRequest = z.output<typeof SearchArticlesRequestV1>;

/** A hit: snippets are HTML-escaped text where matched words stand in <mark>…</mark>. */
export const SearchHitSchema = z.object({
  id: ArticleIdSchema,
  kind: ArticleKindSchema,
  title: z.string(),
  titleHighlight: z.string(),
  summary: z.string(),
  snippet: z.string(),
  folderId: z.uuid().nullable(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  items: z.array(SearchHitSchema),
  /** The words searched for beyond those typed (synonyms, spelling corrections). */
  expandedWith: z.array(z.string()),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const searchArticlesV1 = defineRpc({
  subject: 'knowledge.rpc.search.v1',
  request: SearchArticlesRequestV1,
  response: SearchResultSchema,
  example: { q: 'snöröjning gång', kinds: ['call_script', 'information'], limit: 10 },
  description:
    'Searches published articles as the agent types, in Swedish: stemming, the city’s synonyms, spelling tolerance, prefixes; exact title matches first.',
});

export const suggestForCaseV1 = defineRpc({
  subject: 'knowledge.rpc.suggest-for-case.v1',
  request: z.object({
    title: z.string().max(500),
    description: z.string().max(20_000).default(''),
    caseTypeId: RefIdSchema.optional(),
    limit: z.number().int().min(1).max(20).default(5),
  }),
  response: SearchResultSchema,
  example: { title: 'Ingen har plogat vår gata', description: 'Snön ligger kvar sedan i tisdags.', limit: 5 },
  description:
    'Articles that may answer a case, from its title and description: articles linked to its case type first, then the best text matches.',
});
