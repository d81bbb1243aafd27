import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, CasePrioritySchema, CaseStatusSchema, TimestampSchema, pageSchema } from './case.schemas.js';

/** The caller's mark on a case; the user is always the actor of the request. */
export const FavouriteStateSchema = z.object({ number: CaseNumberSchema, favourite: z.boolean() });

export const FavouriteCaseSchema = z.object({
  number: CaseNumberSchema,
  title: z.string(),
  status: CaseStatusSchema,
  priority: CasePrioritySchema,
  addedAt: TimestampSchema,
});
export type FavouriteCase = z.infer<typeof FavouriteCaseSchema>;

export const addFavouriteV1 = defineRpc({
  subject: 'case.rpc.add-favourite.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: FavouriteStateSchema,
  example: { number: '2026-000123' },
  description: 'Marks a case as one of the caller’s favourites (idempotent).',
});

export const removeFavouriteV1 = defineRpc({
  subject: 'case.rpc.remove-favourite.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: FavouriteStateSchema,
  example: { number: '2026-000123' },
  description: 'Removes a case from the caller’s favourites (idempotent).',
});

export const ListFavouritesRequestV1 = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const listFavouritesV1 = defineRpc({
  subject: 'case.rpc.list-favourites.v1',
  request: ListFavouritesRequestV1,
  response: pageSchema(FavouriteCaseSchema),
  example: { limit: 50 },
  description: 'The caller’s favourite cases, the latest marked first.',
});
