import type { CaseView } from '@arende/contracts';

export type ColumnKey =
  'number' | 'title' | 'status' | 'priority' | 'channel' | 'caseType' | 'assignee' | 'registeredAt';
export type SortDirection = 'ascending' | 'descending';
/** No sort: the inbox's own work order (urgent, prioritised, normal; oldest first). */
export type Sort = { column: ColumnKey; direction: SortDirection } | undefined;

const PRIORITY_RANK = { urgent: 2, prioritised: 1, normal: 0 } as const;

function valueOf(item: CaseView, column: ColumnKey): string | number {
  switch (column) {
    case 'number':
      return item.number;
    case 'title':
      return item.title.toLocaleLowerCase('sv');
    case 'status':
      return item.status;
    case 'priority':
      return PRIORITY_RANK[item.priority];
    case 'channel':
      return item.channel;
    case 'caseType':
      return item.caseTypeId ?? '';
    case 'assignee':
      return (item.assigneeName ?? item.assigneeId ?? '').toLocaleLowerCase('sv');
    case 'registeredAt':
      return Date.parse(item.registeredAt);
  }
}

/** The page's cases in the chosen order (stable: ties keep the work order). */
export function sortCases(items: readonly CaseView[], sort: Sort): CaseView[] {
  if (sort === undefined) return [...items];
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const x = valueOf(a.item, sort.column);
      const y = valueOf(b.item, sort.column);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
      return order === 0 ? a.index - b.index : order * factor;
    })
    .map(({ item }) => item);
}

/** A click on a column header: ascending, then descending, then back to the work order. */
export function nextSort(current: Sort, column: ColumnKey): Sort {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : undefined;
}
