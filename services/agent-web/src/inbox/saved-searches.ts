import { useEffect, useSyncExternalStore } from 'react';
import type { SavedSearch } from '@arende/contracts';
import type { Api } from '../api';
import { useSession } from '../session';
import { withSavedSearch, withoutSavedSearch } from './search';

// The agent's saved searches (GET/PUT/DELETE /api/v1/saved-searches), loaded once per tab and shared by the
// header's quick menu and the inbox's "save this search".

class SavedSearchStore {
  items: readonly SavedSearch[] = [];
  private loading: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: Api) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = () => this.items;

  load(): Promise<void> {
    this.loading ??= this.api
      .get<{ items: SavedSearch[] }>('/api/v1/saved-searches')
      .then((body) => this.set(body.items))
      .catch(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  async save(search: { name: string; inboxId: string; query: string }): Promise<SavedSearch> {
    const saved = await this.api.send<SavedSearch>('PUT', `/api/v1/saved-searches/${encodeURIComponent(search.name)}`, {
      inboxId: search.inboxId,
      query: search.query,
    });
    this.set(withSavedSearch(this.items, saved));
    return saved;
  }

  async remove(name: string): Promise<void> {
    await this.api.send('DELETE', `/api/v1/saved-searches/${encodeURIComponent(name)}`);
    this.set(withoutSavedSearch(this.items, name));
  }

  private set(items: readonly SavedSearch[]): void {
    this.items = items;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<Api, SavedSearchStore>();

/** The saved searches, in name order, and how to save and remove one. */
export function useSavedSearches(): {
  items: readonly SavedSearch[];
  save: (search: { name: string; inboxId: string; query: string }) => Promise<SavedSearch>;
  remove: (name: string) => Promise<void>;
} {
  const { api } = useSession();
  let store = stores.get(api);
  if (store === undefined) {
    store = new SavedSearchStore(api);
    stores.set(api, store);
  }
  const items = useSyncExternalStore(store.subscribe, store.snapshot);
  useEffect(() => void store.load(), [store]);
  return { items, save: (search) => store.save(search), remove: (name) => store.remove(name) };
}
