import { DomainError, SAVED_SEARCHES_MAX, type SaveSearchRequestV1, type SavedSearch } from '@arende/contracts';
import type { z } from 'zod';
import type { SavedSearchRepository, SavedSearchRow } from '../repositories/saved-search.repository.js';
import type { RequestContext } from './case.service.js';

/** The key a saved search is stored under: its name, trimmed, in Swedish lower case. */
export function savedSearchKey(name: string): string {
  return name.trim().toLocaleLowerCase('sv');
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return { name: row.name, inboxId: row.inbox_id, query: row.query, savedAt: row.saved_at.toISOString() };
}

/**
 * Saved searches are the caller's own (the token's subject), as favourites are. Each is a link the web client
 * opens; the inbox listing checks access when it is opened, so saving one reveals nothing.
 */
export class SavedSearchService {
  constructor(private readonly searches: SavedSearchRepository) {}

  async save(input: z.output<typeof SaveSearchRequestV1>, ctx: RequestContext): Promise<SavedSearch> {
    const row = await this.searches.save(
      ctx.actor.id,
      savedSearchKey(input.name),
      input,
      new Date(),
      SAVED_SEARCHES_MAX,
    );
    if (row === null)
      throw new DomainError('CASE.SAVED_SEARCH_LIMIT', `At most ${SAVED_SEARCHES_MAX} saved searches; remove one`);
    return toSavedSearch(row);
  }

  async remove(name: string, ctx: RequestContext): Promise<{ name: string; removed: boolean }> {
    return { name, removed: await this.searches.remove(ctx.actor.id, savedSearchKey(name)) };
  }

  async list(ctx: RequestContext): Promise<{ items: SavedSearch[] }> {
    return { items: (await this.searches.list(ctx.actor.id)).map(toSavedSearch) };
  }
}
