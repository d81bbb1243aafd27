import type { CaseView, InboxCounts } from '@arende/contracts';
import { groupCases, inboxCountOf, serverSortFor } from './grouping';

function item(number: string, fields: Partial<CaseView>): CaseView {
  return {
    number,
    status: 'new',
    priority: 'normal',
    channel: 'phone',
    caseTypeId: null,
    assigneeId: null,
    assigneeName: null,
    ...fields,
  } as CaseView;
}

const ITEMS = [
  item('2026-000001', { priority: 'urgent', assigneeId: 'anna', channel: 'email' }),
  item('2026-000002', { priority: 'normal', caseTypeId: 'faktura' }),
  item('2026-000003', { priority: 'urgent', caseTypeId: 'faktura', channel: 'email' }),
  item('2026-000004', { priority: 'prioritised', assigneeId: 'anna', status: 'open' }),
];
const shape = (groups: ReturnType<typeof groupCases>) =>
  groups.map((g) => [g.value, g.items.map((i) => i.number.slice(-1))]);

describe('groupCases', () => {
  it('groups by priority, each group where its first row stood, rows in page order', () => {
    expect(shape(groupCases(ITEMS, 'priority'))).toEqual([
      ['urgent', ['1', '3']],
      ['normal', ['2']],
      ['prioritised', ['4']],
    ]);
  });

  it('puts the rows without a handler or case type in a group of their own', () => {
    expect(shape(groupCases(ITEMS, 'assignee'))).toEqual([
      ['anna', ['1', '4']],
      [null, ['2', '3']],
    ]);
    expect(shape(groupCases(ITEMS, 'caseType'))).toEqual([
      [null, ['1', '4']],
      ['faktura', ['2', '3']],
    ]);
  });

  it('groups by status and channel, and keeps every row once', () => {
    expect(shape(groupCases(ITEMS, 'status'))).toEqual([
      ['new', ['1', '2', '3']],
      ['open', ['4']],
    ]);
    expect(groupCases(ITEMS, 'channel').flatMap((g) => g.items)).toHaveLength(ITEMS.length);
    expect(groupCases([], 'channel')).toEqual([]);
  });
});

describe('serverSortFor and inboxCountOf', () => {
  const counts: InboxCounts = {
    total: 10,
    byStatus: { new: 7, open: 3 },
    byPriority: { urgent: 2, normal: 8 },
    byAssignee: [
      { assigneeId: null, assigneeName: null, count: 6 },
      { assigneeId: 'anna', assigneeName: 'Anna', count: 4 },
    ],
  };

  it('sorts on the server by the grouping when a sort lists it group by group', () => {
    expect(serverSortFor('priority')).toBe('priority');
    expect(serverSortFor('status')).toBe('status');
    expect(serverSortFor('assignee')).toBe('assignee');
    expect(serverSortFor('channel')).toBeUndefined();
    expect(serverSortFor('caseType')).toBeUndefined();
  });

  it('knows the whole inbox count of status, priority and handler groups only', () => {
    expect(inboxCountOf(counts, 'status', 'open')).toBe(3);
    expect(inboxCountOf(counts, 'priority', 'prioritised')).toBe(0);
    expect(inboxCountOf(counts, 'assignee', null)).toBe(6);
    expect(inboxCountOf(counts, 'assignee', 'anna')).toBe(4);
    expect(inboxCountOf(counts, 'channel', 'phone')).toBeUndefined();
    expect(inboxCountOf(undefined, 'status', 'open')).toBeUndefined();
  });
});
