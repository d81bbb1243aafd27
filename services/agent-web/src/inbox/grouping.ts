import type { CaseView, InboxCounts, InboxSort } from '@arende/contracts';

export const GROUP_KEYS = ['status', 'priority', 'assignee', 'caseType', 'channel'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export interface CaseGroup {
  /** The value the rows share (null: none, such as unassigned or no case type). */
  value: string | null;
  items: CaseView[];
}

export function groupValueOf(item: CaseView, key: GroupKey): string | null {
  switch (key) {
    case 'status':
      return item.status;
    case 'priority':
      return item.priority;
    case 'assignee':
      return item.assigneeId;
    case 'caseType':
      return item.caseTypeId;
    case 'channel':
      return item.channel;
  }
}

/**
 * The page's rows in groups, each group where its first row stood, rows in their order within it. With the
 * server sort that matches the grouping (`serverSortFor`) the groups are contiguous across pages as well.
 */
export function groupCases(items: readonly CaseView[], key: GroupKey): CaseGroup[] {
  const groups = new Map<string | null, CaseGroup>();
  for (const item of items) {
    const value = groupValueOf(item, key);
    let group = groups.get(value);
    if (group === undefined) {
      group = { value, items: [] };
      groups.set(value, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/**
 * The server sort that lists a grouping's rows group by group (so a group does not come back on a later page),
 * or undefined when there is none and the page is grouped on its own.
 */
export function serverSortFor(key: GroupKey): InboxSort | undefined {
  switch (key) {
    case 'status':
      return 'status';
    case 'priority':
      return 'priority';
    case 'assignee':
      return 'assignee';
    default:
      return undefined;
  }
}

/** How many cases of the whole inbox are in a group, when the counts route knows (status, priority, handler). */
export function inboxCountOf(counts: InboxCounts | undefined, key: GroupKey, value: string | null): number | undefined {
  if (counts === undefined) return undefined;
  switch (key) {
    case 'status':
      return value === null ? undefined : ((counts.byStatus as Partial<Record<string, number>>)[value] ?? 0);
    case 'priority':
      return value === null ? undefined : ((counts.byPriority as Partial<Record<string, number>>)[value] ?? 0);
    case 'assignee':
      return counts.byAssignee.find((entry) => entry.assigneeId === value)?.count ?? 0;
    default:
      return undefined;
  }
}
