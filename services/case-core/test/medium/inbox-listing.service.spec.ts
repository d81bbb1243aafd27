import { CASE_PRIORITIES, DomainError, INBOX_SORTS, type InboxSort } from '@arende/contracts';
import { CaseService } from '../../src/services/case.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

const INBOX = 'medium-sorts';
const STATUS_ORDER = [
  'new',
  'open',
  'reopened',
  'waiting_for_customer',
  'with_external',
  'parked',
  'resolved',
  'closed',
];
const PRIORITY_RANK = { urgent: 0, prioritised: 1, normal: 2 } as const;

/** What the sorts compare, read back from the table (timestamps to the microsecond, as text that sorts). */
interface Keys {
  number: string;
  id: string;
  status: string;
  priority: keyof typeof PRIORITY_RANK;
  assigneeId: string | null;
  assigneeName: string | null;
  registeredAt: string;
  updatedAt: string;
}

let ctx: CaseTestContext;
let keys: Keys[];

beforeAll(async () => {
  ctx = await createCaseTestContext();
  const statuses = ['new', 'open', 'waiting_for_customer', 'with_external', 'resolved', 'closed'] as const;
  for (let i = 0; i < 14; i++) {
    await ctx.newCase({ inboxId: INBOX, priority: CASE_PRIORITIES[i % 3], status: statuses[i % statuses.length] });
  }
  // Ties on every key the sorts share (three instants with microseconds, two handlers and nobody), so that a
  // cursor has to tell rows with equal keys apart.
  await ctx.dataSource.query(
    `UPDATE case_core."case" c SET
       registered_at = timestamptz '2026-03-01 08:00:00.000001+00' + make_interval(secs => (n % 3) * 0.000250),
       updated_at = timestamptz '2026-03-02 08:00:00.000007+00' + make_interval(secs => (n % 2) * 0.000003),
       assignee_id = (ARRAY[NULL, 'anna-id', 'bertil-id'])[n % 3 + 1],
       assignee_name = (ARRAY[NULL, 'Anna Andersson', 'Bertil Berg'])[n % 3 + 1]
     FROM (SELECT id, row_number() OVER (ORDER BY number)::int AS n FROM case_core."case" WHERE inbox_id = $1) o
     WHERE c.id = o.id`,
    [INBOX],
  );
  keys = await ctx.dataSource.query<Keys[]>(
    `SELECT number, id::text, status, priority, assignee_id AS "assigneeId", assignee_name AS "assigneeName",
            to_char(registered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "registeredAt",
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS "updatedAt"
       FROM case_core."case" WHERE inbox_id = $1`,
    [INBOX],
  );
});

afterAll(async () => {
  await ctx?.close();
});

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const workOrder = (a: Keys, b: Keys) =>
  compare(PRIORITY_RANK[a.priority], PRIORITY_RANK[b.priority]) ||
  compare(a.registeredAt, b.registeredAt) ||
  compare(a.id, b.id);

const COMPARATORS: Record<InboxSort, (a: Keys, b: Keys) => number> = {
  priority: workOrder,
  registeredAt: (a, b) => compare(a.registeredAt, b.registeredAt) || compare(a.id, b.id),
  '-registeredAt': (a, b) => compare(b.registeredAt, a.registeredAt) || compare(b.id, a.id),
  number: (a, b) => compare(a.number, b.number),
  '-number': (a, b) => compare(b.number, a.number),
  updatedAt: (a, b) => compare(a.updatedAt, b.updatedAt) || compare(a.id, b.id),
  '-updatedAt': (a, b) => compare(b.updatedAt, a.updatedAt) || compare(b.id, a.id),
  status: (a, b) => compare(STATUS_ORDER.indexOf(a.status), STATUS_ORDER.indexOf(b.status)) || workOrder(a, b),
  assignee: (a, b) => compare(a.assigneeName ?? '', b.assigneeName ?? '') || workOrder(a, b),
};

/** Every page of a listing, following the cursors. */
async function allPages(input: Omit<Parameters<CaseService['listInbox']>[0], 'inboxId' | 'cursor'>) {
  const numbers: string[] = [];
  const totals: Array<number | null> = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await ctx.cases.listInbox({ inboxId: INBOX, limit: 3, ...input, cursor }, ctx.as());
    numbers.push(...page.items.map((c) => c.number));
    totals.push(page.total);
    if (page.nextCursor === null) return { numbers, totals };
    cursor = page.nextCursor;
  }
  throw new Error('more pages than cases');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const open = () => keys.filter((k) => k.status !== 'closed');

describe(`${CaseService.name} inbox listing`, () => {
  it.each(INBOX_SORTS)('lists by %s across pages of three, each case once, ties broken the same way', async (sort) => {
    const expected = open()
      .sort(COMPARATORS[sort])
      .map((k) => k.number);
    const { numbers, totals } = await allPages({ sort });
    expect(numbers).toEqual(expected);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(totals).toEqual([expected.length, ...totals.slice(1).map(() => null)]);
  });

  it('lists the closed cases too when asked for every status', async () => {
    const { numbers } = await allPages({ sort: 'status', statuses: [...STATUS_ORDER] as never });
    expect(numbers).toEqual([...keys].sort(COMPARATORS.status).map((k) => k.number));
  });

  it("lists one handler's cases, or the unassigned ones", async () => {
    const anna = await allPages({ sort: 'number', assigneeId: 'anna-id' });
    const annas = open().filter((k) => k.assigneeId === 'anna-id');
    expect(annas.length).toBeGreaterThan(1);
    expect(anna.numbers).toEqual(annas.sort(COMPARATORS.number).map((k) => k.number));
    expect(anna.totals[0]).toBe(annas.length);
    const nobody = await allPages({ sort: '-registeredAt', assigneeId: null });
    const unassigned = open().filter((k) => k.assigneeId === null);
    expect(nobody.numbers).toEqual(unassigned.sort(COMPARATORS['-registeredAt']).map((k) => k.number));
  });

  it('refuses the cursor of another sort, and a cursor it did not give out', async () => {
    const first = await ctx.cases.listInbox({ inboxId: INBOX, limit: 2, sort: 'number' }, ctx.as());
    expect(first.nextCursor).not.toBeNull();
    const cursor = first.nextCursor ?? '';
    expect(await codeOf(ctx.cases.listInbox({ inboxId: INBOX, sort: 'updatedAt', cursor }, ctx.as()))).toBe(
      'REQUEST.INVALID',
    );
    const forged = Buffer.from(JSON.stringify(['number', "x'; DROP TABLE case --", 'extra'])).toString('base64url');
    expect(await codeOf(ctx.cases.listInbox({ inboxId: INBOX, sort: 'number', cursor: forged }, ctx.as()))).toBe(
      'REQUEST.INVALID',
    );
  });

  it('counts the cases per status, per priority and per handler', async () => {
    const counted = await ctx.cases.countInbox({ inboxId: INBOX }, ctx.as());
    const tally = (pick: (k: Keys) => string) =>
      open().reduce<Record<string, number>>((acc, k) => ({ ...acc, [pick(k)]: (acc[pick(k)] ?? 0) + 1 }), {});
    expect(counted.total).toBe(open().length);
    expect(counted.byStatus).toEqual(tally((k) => k.status));
    expect(counted.byPriority).toEqual(tally((k) => k.priority));
    const byAssignee = tally((k) => k.assigneeId ?? '');
    expect(Object.fromEntries(counted.byAssignee.map((a) => [a.assigneeId ?? '', a.count]))).toEqual(byAssignee);
    expect(counted.byAssignee.find((a) => a.assigneeId === 'bertil-id')?.assigneeName).toBe('Bertil Berg');
    const counts = counted.byAssignee.map((a) => a.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const closed = await ctx.cases.countInbox({ inboxId: INBOX, statuses: ['closed'], assigneeId: null }, ctx.as());
    const closedUnassigned = keys.filter((k) => k.status === 'closed' && k.assigneeId === null).length;
    expect(closed.total).toBe(closedUnassigned);
    expect(closed.byStatus).toEqual(closedUnassigned > 0 ? { closed: closedUnassigned } : {});
  });

  it('counts and lists nothing for a caller outside the inbox', async () => {
    const outsider = ctx.as({ groups: ['/inbox/kundtjanst'] });
    expect(await ctx.cases.countInbox({ inboxId: INBOX }, outsider)).toEqual({
      total: 0,
      byStatus: {},
      byPriority: {},
      byAssignee: [],
    });
    expect(await ctx.cases.listInbox({ inboxId: INBOX }, outsider)).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
