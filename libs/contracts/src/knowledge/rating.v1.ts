import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleIdSchema, RatingSummarySchema } from './knowledge.schemas.js';

export const RateArticleRequestV1 = z.object({
  id: ArticleIdSchema,
  stars: z.number().int().min(1).max(5),
});

export const RatingStateSchema = z.object({
  id: ArticleIdSchema,
  myRating: z.number().int().min(1).max(5),
  /** Average and count, for editors; null for everyone else. */
  rating: RatingSummarySchema.nullable(),
});

export const rateArticleV1 = defineRpc({
  subject: 'knowledge.rpc.article-rate.v1',
  request: RateArticleRequestV1,
  response: RatingStateSchema,
  example: { id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f', stars: 4 },
  description: 'Rates a published article 1–5; a user’s new rating replaces their last one.',
});
