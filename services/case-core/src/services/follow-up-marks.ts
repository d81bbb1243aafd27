import { type Actor, DomainError, caseAcknowledgedV1, caseCustomerContactedV1 } from '@arende/contracts';
import type { EntityManager } from 'typeorm';
import {
  CUSTOMER_CONTACTED_LOG_KIND,
  type CaseRepository,
  type FollowUpMark,
} from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import { type AccessScope } from './access-scope.js';
import { type ChangeOutcome, event } from './case.service.js';

/**
 * The receiver's two marks on a case: acknowledged (kvitterat) and customer contacted (återkopplat). Each is
 * set once per inbox (setting it again changes and publishes nothing) and cleared when the case changes inbox,
 * so that the new receiver acknowledges again.
 */
export const CLEARED_FOLLOW_UP_MARKS: Readonly<Record<string, null>> = Object.freeze({
  acknowledged_at: null,
  acknowledged_by: null,
  customer_contacted_at: null,
  customer_contacted_by: null,
});

/** Staff and supervisors in whose scope the case is, and the contractor it is sent to, set the marks; citizens do not. */
export function assertMayFollowUp(scope: AccessScope): void {
  if (scope.kind === 'citizen' || scope.kind === 'none') {
    throw new DomainError('AUTH.FORBIDDEN', 'This account may not acknowledge cases');
  }
}

export function assertNotClosed(row: CaseRow): void {
  if (row.status === 'closed') {
    throw new DomainError('CASE.CLOSED', `Case ${row.number} is closed; reopen it to change it`);
  }
}

/** The log line of an inbox change says which marks it cleared. */
export function clearedMarkChanges(row: CaseRow): Record<string, { before: unknown; after: unknown }> {
  return {
    ...(row.acknowledged_at === null
      ? {}
      : { acknowledgedAt: { before: row.acknowledged_at.toISOString(), after: null } }),
    ...(row.customer_contacted_at === null
      ? {}
      : { customerContactedAt: { before: row.customer_contacted_at.toISOString(), after: null } }),
  };
}

/**
 * Sets one mark in the caller's transaction, with its log line and event; null when it was set already.
 * `changes` adds to the log line (the entry that contacted the customer).
 */
export async function setMarkWithin(
  manager: EntityManager,
  rows: CaseRepository,
  caseId: string,
  mark: FollowUpMark,
  actor: Actor,
  now: Date,
  changes: Record<string, { before: unknown; after: unknown }> = {},
): Promise<ChangeOutcome | null> {
  const updated = await rows.setMarkIfUnset(manager, caseId, mark, actor.id, now);
  if (updated === null) return null;
  const data = {
    caseId: updated.id,
    number: updated.number,
    version: updated.version,
    inboxId: updated.inbox_id,
    by: actor.id,
    at: now.toISOString(),
  };
  const acknowledged = mark === 'acknowledged';
  return {
    row: updated,
    events: [event(acknowledged ? caseAcknowledgedV1 : caseCustomerContactedV1, data)],
    log: [
      {
        caseId: updated.id,
        kind: acknowledged ? 'acknowledged' : CUSTOMER_CONTACTED_LOG_KIND,
        actor,
        occurredAt: now,
        changes: {
          [acknowledged ? 'acknowledgedBy' : 'customerContactedBy']: { before: null, after: actor.id },
          ...changes,
        },
      },
    ],
  };
}
