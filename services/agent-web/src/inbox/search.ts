import { CASE_STATUSES, INBOX_SORTS, type CaseStatus, type InboxSort, type SavedSearch } from '@arende/contracts';
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

const nameKey = (name: string) => name.trim().toLocaleLowerCase('sv');

/**
 * The list after the server saved `saved`: one of the same name (in any case, as the server keys them) is
 * replaced; name order, as the server lists them.
 */
export function withSavedSearch(list: readonly SavedSearch[], saved: SavedSearch): SavedSearch[] {
  return [...list.filter((other) => nameKey(other.name) !== nameKey(saved.name)), saved].sort((a, b) =>
    nameKey(a.name) < nameKey(b.name) ? -1 : nameKey(a.name) > nameKey(b.name) ? 1 : 0,
  );
}

export function withoutSavedSearch(list: readonly SavedSearch[], name: string): SavedSearch[] {
  return list.filter((other) => nameKey(other.name) !== nameKey(name));
}
