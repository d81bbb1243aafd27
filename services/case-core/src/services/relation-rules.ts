import { type Actor, type CaseStatus, DomainError } from '@arende/contracts';
import type { CaseRow } from '../repositories/case.row.js';
import { assertTransition } from './case-status.js';
import { assertNotLockedByOther } from './person.js';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** The columns a status change sets besides the status itself. */
export function statusColumns(row: Pick<CaseRow, 'registered_at'>, to: CaseStatus, now: Date): Record<string, unknown> {
  const columns: Record<string, unknown> = { status: to, parked_until: null };
  if (to === 'closed') {
    columns.closed_at = now;
    columns.handling_seconds = Math.max(0, Math.round((now.getTime() - row.registered_at.getTime()) / 1000));
  }
  if (to === 'reopened') columns.closed_at = null;
  return columns;
}

export function relationInvalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('CASE.RELATION_INVALID', message, details);
}

function assertNotClosed(row: CaseRow): void {
  if (row.status === 'closed') {
    throw new DomainError('CASE.CLOSED', `Case ${row.number} is closed; reopen it to relate it`, {
      number: row.number,
    });
  }
}

/**
 * Relations are one level deep, as in the products the requirements describe: a master is never a child, and a
 * child never has children. That also rules out every cycle.
 */
export function assertRelatable(
  master: CaseRow,
  children: readonly CaseRow[],
  mastersAmongChildren: Set<string>,
  actor: Actor,
): void {
  if (master.parent_case_id !== null) {
    throw relationInvalid(`Case ${master.number} is itself a child; a master cannot be a child`, {
      reason: 'nested',
      number: master.number,
    });
  }
  assertNotLockedByOther(master, actor);
  assertNotClosed(master);
  for (const child of children) {
    if (child.id === master.id) {
      throw relationInvalid(`Case ${child.number} cannot be its own master`, { reason: 'self', number: child.number });
    }
    if (mastersAmongChildren.has(child.id)) {
      throw relationInvalid(`Case ${child.number} has children of its own; relations are one level deep`, {
        reason: 'nested',
        number: child.number,
      });
    }
    assertNotLockedByOther(child, actor);
    assertNotClosed(child);
  }
}

export interface ChildPlan {
  /** Numbers of the master before and after; null when the child already belongs to this master. */
  relation: { before: string | null; after: string } | null;
  status: { from: CaseStatus; to: CaseStatus } | null;
  caseType: FieldChanges | null;
  columns: Record<string, unknown>;
}

/**
 * What relating one child changes. A child already in `childStatus` stays as it is; any other status must be able
 * to move there along the normal transitions, else the whole request fails naming the case.
 */
export function planChild(
  child: CaseRow,
  master: CaseRow,
  formerMasterNumber: string | null,
  options: { childStatus?: CaseStatus; inheritCaseType: boolean },
  now: Date,
): ChildPlan {
  const plan: ChildPlan = { relation: null, status: null, caseType: null, columns: {} };
  if (child.parent_case_id !== master.id) {
    plan.relation = { before: formerMasterNumber, after: master.number };
    plan.columns.parent_case_id = master.id;
  }
  const from = child.status as CaseStatus;
  if (options.childStatus !== undefined && options.childStatus !== from) {
    try {
      assertTransition(from, options.childStatus);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(
        'CASE.TRANSITION_FORBIDDEN',
        `Case ${child.number} cannot go from ${from} to ${options.childStatus}`,
        { number: child.number, ...(error.details as object) },
      );
    }
    plan.status = { from, to: options.childStatus };
    Object.assign(plan.columns, statusColumns(child, options.childStatus, now));
  }
  if (options.inheritCaseType) {
    const changes: FieldChanges = {};
    if (child.case_type_id !== master.case_type_id) {
      changes.caseTypeId = { before: child.case_type_id, after: master.case_type_id };
      plan.columns.case_type_id = master.case_type_id;
    }
    if (child.category_id !== master.category_id) {
      changes.categoryId = { before: child.category_id, after: master.category_id };
      plan.columns.category_id = master.category_id;
    }
    if (Object.keys(changes).length > 0) plan.caseType = changes;
  }
  return plan;
}
