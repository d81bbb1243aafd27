import { CASE_TRANSITIONS, type CaseStatus, DomainError } from '@arende/contracts';

/** Which status may follow which: the table of the contracts, which the web client offers too. */
export const ALLOWED_TRANSITIONS = CASE_TRANSITIONS;

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
