import type { MessageKey } from '../i18n';
import type { ColumnKey } from './sort';

/** Every column the inbox can show, in table order; `number` (the link to the case) cannot be hidden. */
export const ALL_COLUMNS: readonly ColumnKey[] = [
  'number',
  'title',
  'status',
  'priority',
  'channel',
  'caseType',
  'assignee',
  'registeredAt',
];
export const FIXED_COLUMN: ColumnKey = 'number';
/** What a new user sees: the columns the inbox always had. */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = ALL_COLUMNS.filter((column) => column !== 'caseType');

const isColumn = (value: unknown): value is ColumnKey => ALL_COLUMNS.includes(value as ColumnKey);

/** The storage key of a user's column choice (one browser may be shared by several agents). */
export const columnsStorageKey = (userId: string) => `arende.inbox.columns.${userId}`;

/** The stored choice, in table order; anything unreadable gives the defaults. */
export function parseColumns(stored: string | null): ColumnKey[] {
  if (stored === null) return [...DEFAULT_COLUMNS];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [...DEFAULT_COLUMNS];
    const chosen = new Set(value.filter(isColumn));
    chosen.add(FIXED_COLUMN);
    return ALL_COLUMNS.filter((column) => chosen.has(column));
  } catch {
    return [...DEFAULT_COLUMNS];
  }
}

/** Shows or hides one column, keeping table order; the fixed column stays. */
export function toggleColumn(visible: readonly ColumnKey[], column: ColumnKey): ColumnKey[] {
  if (column === FIXED_COLUMN) return [...visible];
  const chosen = new Set(visible);
  if (chosen.has(column)) chosen.delete(column);
  else chosen.add(column);
  return ALL_COLUMNS.filter((key) => chosen.has(key));
}

/** Each column's heading. */
export const COLUMN_LABELS: Readonly<Record<ColumnKey, MessageKey>> = {
  number: 'case.number',
  title: 'case.title',
  status: 'case.status',
  priority: 'case.priority',
  channel: 'case.channel',
  caseType: 'case.caseType',
  assignee: 'case.assignee',
  registeredAt: 'case.registeredAt',
};
