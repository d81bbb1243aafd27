import type { InboxSort } from '@arende/contracts';

/** One key of an inbox order: the SQL over the case row `c`, and the type its cursor value is cast back to. */
interface SortKey {
  sql: string;
  type: 'integer' | 'timestamptz' | 'text' | 'uuid';
}

/** An order of an inbox: keys compared as one row, all ascending or all descending; the last key is unique. */
export interface InboxOrder {
  keys: readonly SortKey[];
  descending: boolean;
}

/**
 * The case's life in order. The migration that indexes it (inbox-sorts) spells the same expression: PostgreSQL
 * uses the index only while the two match.
 */
export const STATUS_RANK_SQL = `(CASE c.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'reopened' THEN 2 WHEN 'waiting_for_customer' THEN 3 WHEN 'with_external' THEN 4 WHEN 'parked' THEN 5 WHEN 'resolved' THEN 6 WHEN 'closed' THEN 7 ELSE 8 END)`;
/** Unassigned ('') first, then by the handler's name. */
export const ASSIGNEE_SQL = `COALESCE(c.assignee_name, '')`;

const priorityRank: SortKey = { sql: 'c.priority_rank', type: 'integer' };
const registeredAt: SortKey = { sql: 'c.registered_at', type: 'timestamptz' };
const updatedAt: SortKey = { sql: 'c.updated_at', type: 'timestamptz' };
const id: SortKey = { sql: 'c.id', type: 'uuid' };
/**
 * In the C collation, as its index (inbox, number) is: otherwise PostgreSQL may walk the unique index of every
 * inbox's numbers instead, and read the other inboxes' cases before this one's. (Numbers are digits and a dash:
 * C orders them as any collation would.)
 */
const number: SortKey = { sql: 'c.number COLLATE "C"', type: 'text' };
const workOrder = [priorityRank, registeredAt, id];

/** Each sort backed by an index on (inbox_id, its keys…), so a page reads only its own rows. */
export const INBOX_ORDERS: Readonly<Record<InboxSort, InboxOrder>> = {
  priority: { keys: workOrder, descending: false },
  registeredAt: { keys: [registeredAt, id], descending: false },
  '-registeredAt': { keys: [registeredAt, id], descending: true },
  number: { keys: [number], descending: false },
  '-number': { keys: [number], descending: true },
  updatedAt: { keys: [updatedAt, id], descending: false },
  '-updatedAt': { keys: [updatedAt, id], descending: true },
  status: { keys: [{ sql: STATUS_RANK_SQL, type: 'integer' }, ...workOrder], descending: false },
  assignee: { keys: [{ sql: ASSIGNEE_SQL, type: 'text' }, ...workOrder], descending: false },
};
