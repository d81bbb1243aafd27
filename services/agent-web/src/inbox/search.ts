import { CASE_STATUSES, INBOX_SORTS, type CaseStatus, type InboxSort } from '@arende/contracts';
import { GROUP_KEYS, type GroupKey } from './grouping';

/**
 * What an inbox is narrowed, ordered and grouped by: the filters the inbox API has (statuses, handler) and the
 * view's sort and grouping. It lives in the URL's query (`?status=new,open&assignee=me&sort=…&group=…`), so a
 * saved search is a link that can be shared.
 */
export interface InboxSearch {
  statuses: CaseStatus[];
  /** `me`: the signed-in agent's cases, `none`: unassigned ones, another value: that handler's id. */
  assignee?: string;
  sort: InboxSort;
  group?: GroupKey;
}

export const ME = 'me';
export const UNASSIGNED = 'none';
export const NO_SEARCH: InboxSearch = { statuses: [], sort: 'priority' };

const isStatus = (value: string): value is CaseStatus => (CASE_STATUSES as readonly string[]).includes(value);
const isSort = (value: string): value is InboxSort => (INBOX_SORTS as readonly string[]).includes(value);
const isGroup = (value: string): value is GroupKey => (GROUP_KEYS as readonly string[]).includes(value);

/** The search in a URL query; unknown values are left out rather than refused. */
export function parseSearch(query: string | URLSearchParams): InboxSearch {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const statuses = (params.get('status') ?? '').split(',').filter(isStatus);
  const assignee = params.get('assignee') ?? undefined;
  const sort = params.get('sort') ?? '';
  const group = params.get('group') ?? '';
  return {
    statuses: [...new Set(statuses)],
    ...(assignee !== undefined && assignee !== '' ? { assignee } : {}),
    sort: isSort(sort) ? sort : 'priority',
    ...(isGroup(group) ? { group } : {}),
  };
}

/** The URL query of a search ('' for none), parameters in a fixed order so equal searches give equal links. */
export function searchQuery(search: InboxSearch): string {
  const params = new URLSearchParams();
  if (search.statuses.length > 0) params.set('status', search.statuses.join(','));
  if (search.assignee !== undefined) params.set('assignee', search.assignee);
  if (search.sort !== 'priority') params.set('sort', search.sort);
  if (search.group !== undefined) params.set('group', search.group);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The filters of the inbox API's list and counts routes for a search, as the agent `agentId` sees it. */
export function apiFilters(search: InboxSearch, agentId: string): URLSearchParams {
  const params = new URLSearchParams();
  if (search.statuses.length > 0) params.set('status', search.statuses.join(','));
  if (search.assignee !== undefined) params.set('assigneeId', search.assignee === ME ? agentId : search.assignee);
  return params;
}

/** A search an agent named and keeps in the quick menu. */
export interface SavedSearch {
  name: string;
  inboxId: string;
  query: string;
}

export const savedSearchesStorageKey = (userId: string) => `arende.savedSearches.${userId}`;

const isSaved = (value: unknown): value is SavedSearch =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SavedSearch).name === 'string' &&
  typeof (value as SavedSearch).inboxId === 'string' &&
  typeof (value as SavedSearch).query === 'string';

export function parseSavedSearches(stored: string | null): SavedSearch[] {
  if (stored === null) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter(isSaved) : [];
  } catch {
    return [];
  }
}

/** Adds a search; one of the same name (case-insensitively) is replaced. The list stays in name order. */
export function withSavedSearch(list: readonly SavedSearch[], saved: SavedSearch): SavedSearch[] {
  const name = saved.name.trim();
  const same = (other: SavedSearch) => other.name.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv');
  return [...list.filter((other) => !same(other)), { ...saved, name }].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  );
}

export function withoutSavedSearch(list: readonly SavedSearch[], name: string): SavedSearch[] {
  return list.filter((other) => other.name !== name);
}
