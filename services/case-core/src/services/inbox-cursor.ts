import { DomainError, type InboxSort } from '@arende/contracts';
import type { InboxOrder } from '../repositories/inbox-order.js';

const VALUE_PATTERNS = {
  integer: /^-?\d{1,9}$/,
  timestamptz: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  text: /^[\s\S]{0,300}$/,
} as const;

/** The position after a listed row: its sort and the row's sort keys (as the database wrote them). */
export function encodeInboxCursor(sort: InboxSort, keys: readonly string[]): string {
  return Buffer.from(JSON.stringify([sort, ...keys])).toString('base64url');
}

/** The keys of a cursor given out for `sort`; anything else (another sort's cursor too) is REQUEST.INVALID. */
export function decodeInboxCursor(cursor: string, sort: InboxSort, order: InboxOrder): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === order.keys.length + 1 &&
    decoded.every((v) => typeof v === 'string')
  ) {
    const [cursorSort, ...keys] = decoded;
    if (cursorSort !== sort) {
      throw new DomainError('REQUEST.INVALID', `The cursor belongs to the sort ${cursorSort}, not ${sort}`, {
        fields: [{ path: 'cursor', message: `A cursor of sort ${cursorSort}` }],
      });
    }
    if (keys.every((key, i) => VALUE_PATTERNS[order.keys[i].type].test(key))) return keys;
  }
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}
