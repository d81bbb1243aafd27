import { type Actor, type AssignmentMode, DomainError } from '@arende/contracts';
import { isPerson } from './person.js';

const DISPATCHING_ROLES = ['supervisor', 'admin'];

/** Supervisors and admins dispatch: they hand cases out in any inbox, whatever its mode. */
export function isDispatcher(actor: Actor): boolean {
  return actor.kind === 'system' || actor.roles.some((role) => DISPATCHING_ROLES.includes(role));
}

export interface AssignmentChange {
  mode: AssignmentMode;
  inboxId: string;
  currentAssigneeId: string | null;
  newAssigneeId: string | null;
}

/**
 * Who may set the handling officer, by the inbox's mode: in `dispatcher` inboxes only dispatchers; in
 * `pick_next` inboxes agents take cases with pick-next and may only give back their own; in `pick_own`
 * inboxes anyone who may change the case.
 */
export function assertMayAssign(actor: Actor, change: AssignmentChange): void {
  if (isDispatcher(actor) || change.mode === 'pick_own') return;
  if (change.mode === 'pick_next' && change.newAssigneeId === null && isPerson(actor, change.currentAssigneeId)) return;
  const message =
    change.mode === 'dispatcher'
      ? `Only a dispatcher hands out cases in inbox ${change.inboxId}`
      : `Cases in inbox ${change.inboxId} are taken with pick-next; you may only give back your own`;
  throw new DomainError('CASE.ASSIGNMENT_FORBIDDEN', message, { inboxId: change.inboxId, mode: change.mode });
}

/** Pick-next hands the caller a case; in a dispatcher inbox only a dispatcher may take one that way. */
export function assertMayPickNext(actor: Actor, mode: AssignmentMode, inboxId: string): void {
  if (mode !== 'dispatcher' || isDispatcher(actor)) return;
  throw new DomainError('CASE.ASSIGNMENT_FORBIDDEN', `Only a dispatcher hands out cases in inbox ${inboxId}`, {
    inboxId,
    mode,
  });
}

/** In a pick-own inbox a case taken is locked to its taker, and the lock goes when they give it away. */
export function lockFollowsAssignee(mode: AssignmentMode): boolean {
  return mode === 'pick_own';
}
