import { type Actor, DomainError } from '@arende/contracts';
import { type AssignmentChange, assertMayAssign, assertMayPickNext, isDispatcher } from './assignment-rules.js';

const agent: Actor = { kind: 'staff', id: 'anna', roles: ['agent'] };
const supervisor: Actor = { kind: 'staff', id: 'cecilia', roles: ['supervisor'] };
const admin: Actor = { kind: 'staff', id: 'david', roles: ['admin'] };

function codeOf(run: () => void): string {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const change = (overrides: Partial<AssignmentChange>): AssignmentChange => ({
  mode: 'pick_own',
  inboxId: 'kundtjanst',
  currentAssigneeId: null,
  newAssigneeId: 'anna',
  ...overrides,
});

describe('assertMayAssign', () => {
  it('lets supervisors and admins dispatch in every mode', () => {
    for (const mode of ['dispatcher', 'pick_next', 'pick_own'] as const) {
      for (const actor of [supervisor, admin]) {
        expect(codeOf(() => assertMayAssign(actor, change({ mode, newAssigneeId: 'bertil' })))).toBe('allowed');
        expect(codeOf(() => assertMayAssign(actor, change({ mode, newAssigneeId: actor.id })))).toBe('allowed');
      }
    }
    expect(isDispatcher(agent)).toBe(false);
  });

  it('refuses an agent every assignment in a dispatcher inbox, to themselves too', () => {
    for (const newAssigneeId of ['anna', 'bertil', null]) {
      expect(codeOf(() => assertMayAssign(agent, change({ mode: 'dispatcher', newAssigneeId })))).toBe(
        'CASE.ASSIGNMENT_FORBIDDEN',
      );
    }
  });

  it('lets an agent in a pick-next inbox only give back their own case', () => {
    const pickNext = { mode: 'pick_next' as const };
    expect(
      codeOf(() => assertMayAssign(agent, change({ ...pickNext, currentAssigneeId: 'anna', newAssigneeId: null }))),
    ).toBe('allowed');
    expect(codeOf(() => assertMayAssign(agent, change({ ...pickNext, newAssigneeId: 'anna' })))).toBe(
      'CASE.ASSIGNMENT_FORBIDDEN',
    );
    expect(
      codeOf(() => assertMayAssign(agent, change({ ...pickNext, currentAssigneeId: 'bertil', newAssigneeId: null }))),
    ).toBe('CASE.ASSIGNMENT_FORBIDDEN');
    expect(
      codeOf(() => assertMayAssign(agent, change({ ...pickNext, currentAssigneeId: 'anna', newAssigneeId: 'bertil' }))),
    ).toBe('CASE.ASSIGNMENT_FORBIDDEN');
  });

  it('lets any agent take, hand over or release in a pick-own inbox', () => {
    for (const newAssigneeId of ['anna', 'bertil', null]) {
      expect(codeOf(() => assertMayAssign(agent, change({ currentAssigneeId: 'bertil', newAssigneeId })))).toBe(
        'allowed',
      );
    }
  });
});

describe('assertMayPickNext', () => {
  it('refuses pick-next to agents only in a dispatcher inbox', () => {
    expect(codeOf(() => assertMayPickNext(agent, 'dispatcher', 'x'))).toBe('CASE.ASSIGNMENT_FORBIDDEN');
    expect(codeOf(() => assertMayPickNext(supervisor, 'dispatcher', 'x'))).toBe('allowed');
    expect(codeOf(() => assertMayPickNext(agent, 'pick_next', 'x'))).toBe('allowed');
    expect(codeOf(() => assertMayPickNext(agent, 'pick_own', 'x'))).toBe('allowed');
  });
});
