import { DomainError } from '@arende/contracts';
import type { CaseRow } from '../repositories/case.row.js';
import { assertRelatable, planChild, statusColumns } from './relation-rules.js';

let n = 0;
function row(overrides: Partial<CaseRow> = {}): CaseRow {
  n += 1;
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    number: `2026-${String(n).padStart(6, '0')}`,
    version: 1,
    title: 'Ärende',
    description: '',
    status: 'new',
    parked_until: null,
    customer_replied_at: null,
    priority: 'normal',
    priority_rank: 2,
    channel: 'phone',
    case_type_id: null,
    category_id: null,
    area_id: null,
    org_unit_id: null,
    service_point_id: null,
    template_id: null,
    sla: null,
    inbox_id: 'kundtjanst',
    assignee_id: null,
    assignee_name: null,
    customer_wants_answer: false,
    customer_answered: false,
    secret: false,
    secrecy_paragraph: null,
    personal_data: false,
    event_at: null,
    registered_at: new Date('2026-11-23T08:00:00Z'),
    updated_at: new Date('2026-11-23T08:00:00Z'),
    closed_at: null,
    handling_seconds: 0,
    lock_holder_id: null,
    feedback_return_inbox_id: null,
    lock_holder_name: null,
    locked_at: null,
    parent_case_id: null,
    registered_by: 'anna',
    external_organisation_id: null,
    acknowledged_at: null,
    acknowledged_by: null,
    customer_contacted_at: null,
    customer_contacted_by: null,
    location: null,
    ...overrides,
  };
}

const actor = { kind: 'staff' as const, id: 'anna', roles: ['agent'] };
const now = new Date('2026-11-23T09:00:00Z');

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('planChild', () => {
  it('relates, moves status and inherits type and category in one set of columns', () => {
    const master = row({ case_type_id: 'snorojning', category_id: 'gata-park' });
    const child = row({ status: 'open', case_type_id: 'avfall' });
    const plan = planChild(child, master, null, { childStatus: 'closed', inheritCaseType: true }, now);
    expect(plan.relation).toEqual({ before: null, after: master.number });
    expect(plan.status).toEqual({ from: 'open', to: 'closed' });
    expect(plan.caseType).toEqual({
      caseTypeId: { before: 'avfall', after: 'snorojning' },
      categoryId: { before: null, after: 'gata-park' },
    });
    expect(plan.columns).toEqual({
      parent_case_id: master.id,
      status: 'closed',
      parked_until: null,
      closed_at: now,
      handling_seconds: 3600,
      case_type_id: 'snorojning',
      category_id: 'gata-park',
    });
  });

  it('plans nothing for a child already related, in the status, with the type', () => {
    const master = row({ case_type_id: 'x' });
    const child = row({ parent_case_id: master.id, status: 'open', case_type_id: 'x' });
    expect(planChild(child, master, null, { childStatus: 'open', inheritCaseType: true }, now).columns).toEqual({});
  });

  it('names the child and both states when the status may not follow', () => {
    const child = row({ status: 'resolved' });
    let error: unknown;
    try {
      planChild(child, row(), null, { childStatus: 'parked', inheritCaseType: false }, now);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'CASE.TRANSITION_FORBIDDEN',
      details: { number: child.number, from: 'resolved', to: 'parked' },
    });
  });
});

describe('assertRelatable', () => {
  it('refuses self, nesting both ways, closed cases and other people’s locks', () => {
    const master = row();
    const child = row();
    expect(codeOf(() => assertRelatable(master, [child], new Set(), actor))).toBe('ok');
    expect(codeOf(() => assertRelatable(master, [master], new Set(), actor))).toBe('CASE.RELATION_INVALID');
    expect(codeOf(() => assertRelatable(row({ parent_case_id: child.id }), [child], new Set(), actor))).toBe(
      'CASE.RELATION_INVALID',
    );
    expect(codeOf(() => assertRelatable(master, [child], new Set([child.id]), actor))).toBe('CASE.RELATION_INVALID');
    expect(codeOf(() => assertRelatable(master, [row({ status: 'closed' })], new Set(), actor))).toBe('CASE.CLOSED');
    expect(codeOf(() => assertRelatable(row({ status: 'closed' }), [child], new Set(), actor))).toBe('CASE.CLOSED');
    expect(codeOf(() => assertRelatable(master, [row({ lock_holder_id: 'bertil' })], new Set(), actor))).toBe(
      'CASE.LOCKED',
    );
    expect(codeOf(() => assertRelatable(master, [row({ lock_holder_id: 'anna' })], new Set(), actor))).toBe('ok');
  });
});

describe('statusColumns', () => {
  it('clears the closing time when reopening and never parks without a date', () => {
    expect(statusColumns(row(), 'reopened', now)).toEqual({ status: 'reopened', parked_until: null, closed_at: null });
    expect(statusColumns(row(), 'parked', now)).toEqual({ status: 'parked', parked_until: null });
  });
});
