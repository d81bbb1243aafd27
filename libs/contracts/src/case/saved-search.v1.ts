import { z } from 'zod';
import { defineRpc } from '../message.js';
import { RefIdSchema, TimestampSchema } from './case.schemas.js';

/** What the agent calls a saved search; unique per user regardless of case ("Fakturor" replaces "fakturor"). */
export const SavedSearchNameSchema = z.string().trim().min(1).max(80);

/**
 * The inbox view's URL query the search opens with (`''` or `?status=new,open&assignee=me&sort=…&group=…`): the
 * client's own words for its filters, kept as given so that a link in the quick menu is the same as a shared one.
 */
export const SavedSearchQuerySchema = z
  .string()
  .max(500)
  .regex(/^(\?[^\s#]*)?$/, 'Empty, or ? and a URL query without spaces or #');

export const SavedSearchSchema = z.object({
  name: SavedSearchNameSchema,
  inboxId: RefIdSchema,
  query: SavedSearchQuerySchema,
  savedAt: TimestampSchema,
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

/** A user keeps at most this many; saving one more is 422 CASE.SAVED_SEARCH_LIMIT. */
export const SAVED_SEARCHES_MAX = 100;

export const SaveSearchRequestV1 = z.object({
  name: SavedSearchNameSchema,
  inboxId: RefIdSchema,
  query: SavedSearchQuerySchema,
});

export const saveSearchV1 = defineRpc({
  subject: 'case.rpc.save-search.v1',
  request: SaveSearchRequestV1,
  response: SavedSearchSchema,
  example: { name: 'Öppna fakturaärenden', inboxId: 'kundtjanst', query: '?status=open' },
  description:
    'Saves one of the caller’s inbox searches under a name (a search of the same name, in any case, is replaced).',
});

export const removeSavedSearchV1 = defineRpc({
  subject: 'case.rpc.remove-saved-search.v1',
  request: z.object({ name: SavedSearchNameSchema }),
  response: z.object({ name: z.string(), removed: z.boolean() }),
  example: { name: 'Öppna fakturaärenden' },
  description: 'Removes one of the caller’s saved searches by name (idempotent: removed false when there was none).',
});

export const listSavedSearchesV1 = defineRpc({
  subject: 'case.rpc.list-saved-searches.v1',
  request: z.object({}),
  response: z.object({ items: z.array(SavedSearchSchema) }),
  example: {},
  description: 'The caller’s saved inbox searches, by name.',
});
