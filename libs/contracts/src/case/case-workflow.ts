// The values of a case's workflow, without zod: the web client imports them from here (bundled on their own).
import type { CaseStatus } from './case.schemas.js';

/** Inbox order: urgent first, then prioritised, then normal. */
export const CASE_PRIORITIES = ['normal', 'prioritised', 'urgent'] as const;

const WORKING: readonly CaseStatus[] = [
  'open',
  'waiting_for_customer',
  'with_external',
  'parked',
  'resolved',
  'closed',
];

/**
 * Which status may follow which (case-core enforces it; the web client offers only these). A case is worked
 * through the working statuses in any order; resolved and closed cases only come back by being reopened.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: WORKING,
  open: WORKING.filter((s) => s !== 'open'),
  waiting_for_customer: WORKING.filter((s) => s !== 'waiting_for_customer'),
  with_external: WORKING.filter((s) => s !== 'with_external'),
  parked: WORKING.filter((s) => s !== 'parked'),
  reopened: WORKING,
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
};
