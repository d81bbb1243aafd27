import type { CaseView } from '@arende/contracts';
import { nextSort, sortCases } from './sort';

function item(number: string, title: string, priority: CaseView['priority'], registeredAt: string): CaseView {
  return { number, title, priority, registeredAt, assigneeName: null, assigneeId: null } as CaseView;
}

// In work order, as the inbox gives them.
const ITEMS = [
  item('2026-000003', 'Vattenläcka', 'urgent', '2026-11-23T10:00:00.000Z'),
  item('2026-000001', 'Äldreomsorg', 'prioritised', '2026-11-23T08:00:00.000Z'),
  item('2026-000002', 'bygglov', 'normal', '2026-11-23T09:00:00.000Z'),
  item('2026-000004', 'Bygglov', 'normal', '2026-11-23T11:00:00.000Z'),
];
const numbers = (items: CaseView[]) => items.map((i) => i.number);

describe('sortCases', () => {
  it('keeps the work order without a sort', () => {
    expect(numbers(sortCases(ITEMS, undefined))).toEqual(['2026-000003', '2026-000001', '2026-000002', '2026-000004']);
  });

  it('sorts titles the Swedish way (å ä ö after z), ties in work order', () => {
    expect(numbers(sortCases(ITEMS, { column: 'title', direction: 'ascending' }))).toEqual([
      '2026-000002',
      '2026-000004',
      '2026-000003',
      '2026-000001',
    ]);
  });

  it('sorts priority by rank and dates by time, both ways', () => {
    expect(numbers(sortCases(ITEMS, { column: 'priority', direction: 'descending' }))).toEqual([
      '2026-000003',
      '2026-000001',
      '2026-000002',
      '2026-000004',
    ]);
    expect(numbers(sortCases(ITEMS, { column: 'registeredAt', direction: 'ascending' }))).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
      '2026-000004',
    ]);
  });
});

describe('nextSort', () => {
  it('goes ascending, descending, then back to work order; another column starts ascending', () => {
    const first = nextSort(undefined, 'title');
    expect(first).toEqual({ column: 'title', direction: 'ascending' });
    const second = nextSort(first, 'title');
    expect(second).toEqual({ column: 'title', direction: 'descending' });
    expect(nextSort(second, 'title')).toBeUndefined();
    expect(nextSort(second, 'number')).toEqual({ column: 'number', direction: 'ascending' });
  });
});
