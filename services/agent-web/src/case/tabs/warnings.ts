import type { CaseEventView, CaseView, ReferralView } from '@arende/contracts';

/**
 * What the agent should be warned of on a case, from what the case and its referrals say. `warning`s call for
 * action (the inbox marks a case that has one); `info` is worth knowing while handling it.
 */
export type CaseWarning = { severity: 'warning' | 'info' } & (
  | { kind: 'unanswered' }
  | { kind: 'customer-replied'; at: string }
  | { kind: 'feedback-required'; inboxId: string }
  | { kind: 'not-acknowledged'; since: string }
  | { kind: 'customer-not-contacted'; since: string }
  | { kind: 'referral-overdue'; referralNumber: string; replyBy: string }
  | { kind: 'referral-answered'; referralNumber: string; at: string }
  | { kind: 'referral-pending'; referralNumber: string; replyBy: string }
  | { kind: 'secret'; paragraph: string | null }
  | { kind: 'personal-data' }
  | { kind: 'sla'; responseMinutes: number | null; resolutionHours: number | null }
);

export type CaseWarningKind = CaseWarning['kind'];

/** The customer wants an answer and has had none: closing the case will ask first. */
export function isUnanswered(view: CaseView): boolean {
  return view.customerWantsAnswer && !view.customerAnswered && view.customerContactedAt === null;
}

/** The warnings the case's own fields give (all an inbox listing can tell). */
export function caseFieldWarnings(view: CaseView): CaseWarning[] {
  const warnings: CaseWarning[] = [];
  const open = view.status !== 'closed';
  if (open && isUnanswered(view)) warnings.push({ severity: 'warning', kind: 'unanswered' });
  if (view.customerRepliedAt !== null)
    warnings.push({ severity: 'warning', kind: 'customer-replied', at: view.customerRepliedAt });
  if (view.feedbackReturnInboxId !== null)
    warnings.push({ severity: 'warning', kind: 'feedback-required', inboxId: view.feedbackReturnInboxId });
  if (view.secret) warnings.push({ severity: 'warning', kind: 'secret', paragraph: view.secrecyParagraph });
  if (view.personalData) warnings.push({ severity: 'info', kind: 'personal-data' });
  if (open && view.sla !== null && (view.sla.responseMinutes !== null || view.sla.resolutionHours !== null))
    warnings.push({
      severity: 'info',
      kind: 'sla',
      responseMinutes: view.sla.responseMinutes,
      resolutionHours: view.sla.resolutionHours,
    });
  return warnings;
}

/**
 * Every warning of the case: its fields', the receiver's follow-up after the case was distributed to its inbox
 * (`arrival`: the newest `distributed` line of its event log, if any: the new receiver is to acknowledge it and
 * contact the customer, and the SLA watcher reminds them) and its referrals'.
 */
export function caseWarnings(
  view: CaseView,
  referrals: readonly ReferralView[],
  arrival: CaseEventView | undefined,
  now: Date,
): CaseWarning[] {
  const warnings = caseFieldWarnings(view);
  const open = view.status !== 'closed';
  if (open && arrival !== undefined) {
    if (view.acknowledgedAt === null)
      warnings.push({ severity: 'warning', kind: 'not-acknowledged', since: arrival.occurredAt });
    if (view.customerContactedAt === null)
      warnings.push({ severity: 'warning', kind: 'customer-not-contacted', since: arrival.occurredAt });
  }
  for (const referral of referrals) {
    const { referralNumber, replyBy } = referral;
    if (referral.answeredAt !== null)
      warnings.push({ severity: 'info', kind: 'referral-answered', referralNumber, at: referral.answeredAt });
    else if (Date.parse(replyBy) < now.getTime())
      warnings.push({ severity: 'warning', kind: 'referral-overdue', referralNumber, replyBy });
    else warnings.push({ severity: 'info', kind: 'referral-pending', referralNumber, replyBy });
  }
  // Those that call for action first, each group in the order above.
  return [...warnings.filter((w) => w.severity === 'warning'), ...warnings.filter((w) => w.severity === 'info')];
}

/**
 * The warnings the inbox marks a case with: those of its fields that call for action, apart from the ones
 * with an icon of their own (a new customer reply).
 */
export function inboxWarnings(view: CaseView): CaseWarning[] {
  return caseFieldWarnings(view).filter((w) => w.severity === 'warning' && w.kind !== 'customer-replied');
}
