import { type Actor, DomainError } from '@arende/contracts';
import type { CaseRow } from '../repositories/case.row.js';

/**
 * How a person is recorded as a case's assignee or lock holder: by their login (the staff directory's key, so
 * reminders, reports and "my cases" find them), else by their actor id (services, the system, older rows).
 */
export function personIdOf(actor: Actor): string {
  return actor.userName ?? actor.id;
}

/** Whether a recorded assignee or lock holder is this actor, by login or by id. */
export function isPerson(actor: Actor, personId: string | null): boolean {
  return personId !== null && (personId === actor.id || personId === actor.userName);
}

type LockedRow = Pick<CaseRow, 'number' | 'lock_holder_id' | 'lock_holder_name' | 'locked_at'>;

/** CASE.LOCKED when someone other than the actor holds the case's lock. */
export function assertNotLockedByOther(row: LockedRow, actor: Actor): void {
  if (row.lock_holder_id === null || isPerson(actor, row.lock_holder_id)) return;
  throw new DomainError(
    'CASE.LOCKED',
    `Case ${row.number} is locked by ${row.lock_holder_name ?? row.lock_holder_id}`,
    {
      number: row.number,
      holderId: row.lock_holder_id,
      holderName: row.lock_holder_name,
      since: row.locked_at?.toISOString() ?? null,
    },
  );
}
