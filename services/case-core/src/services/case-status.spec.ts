import { CASE_STATUSES, type CaseStatus, DomainError } from '@arende/contracts';
import { ALLOWED_TRANSITIONS, assertTransition, canTransition } from './case-status.js';

// The specification, written out pair by pair so that a change to the table shows up here.
const allowed: Record<CaseStatus, CaseStatus[]> = {
  new: ['open', 'waiting_for_customer', 'with_external', 'parked', 'resolved', 'closed'],
  open: ['waiting_for_customer', 'with_external', 'parked', 'resolved', 'closed'],
  waiting_for_customer: ['open', 'with_external', 'parked', 'resolved', 'closed'],
  with_external: ['open', 'waiting_for_customer', 'parked', 'resolved', 'closed'],
  parked: ['open', 'waiting_for_customer', 'with_external', 'resolved', 'closed'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['open', 'waiting_for_customer', 'with_external', 'parked', 'resolved', 'closed'],
};

const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

describe('case status transitions', () => {
  it('covers all 64 pairs', () => {
    expect(pairs).toHaveLength(64);
  });

  it.each(pairs.filter(([from, to]) => allowed[from].includes(to)))('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([from, to]) => !allowed[from].includes(to)))(
    'forbids %s -> %s with both states named',
    (from, to) => {
      expect(canTransition(from, to)).toBe(false);
      let caught: unknown;
      try {
        assertTransition(from, to);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe('CASE.TRANSITION_FORBIDDEN');
      expect((caught as DomainError).details).toMatchObject({ from, to });
    },
  );

  it('never allows staying in the same status', () => {
    for (const status of CASE_STATUSES) expect(ALLOWED_TRANSITIONS[status]).not.toContain(status);
  });
});
