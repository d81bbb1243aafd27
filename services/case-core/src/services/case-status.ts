import { type CaseStatus, DomainError } from '@arende/contracts';

const WORKING: readonly CaseStatus[] = [
  'open',
  'waiting_for_customer',
  'with_external',
  'parked',
  'resolved',
  'closed',
];

/**
 * Which status may follow which. A case is worked through the working statuses in any order;
 * resolved and closed cases only come back by being reopened.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: WORKING,
  open: WORKING.filter((s) => s !== 'open'),
  waiting_for_customer: WORKING.filter((s) => s !== 'waiting_for_customer'),
  with_external: WORKING.filter((s) => s !== 'with_external'),
  parked: WORKING.filter((s) => s !== 'parked'),
  reopened: WORKING,
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('CASE.TRANSITION_FORBIDDEN', `A case cannot go from ${from} to ${to}`, {
      from,
      to,
      allowed: ALLOWED_TRANSITIONS[from],
    });
  }
}

/** Open for action: every status but resolved and closed. */
export function isOpenStatus(status: CaseStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}
