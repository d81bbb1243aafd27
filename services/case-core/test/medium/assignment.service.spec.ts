import { type Actor, type AssignmentMode, DomainError, type ErrorCode, caseAssignedV1 } from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { AssignmentService } from '../../src/services/assignment.service.js';
import { InboxLookup } from '../../src/services/inbox-lookup.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';
import { testInbox } from './inbox-responder.js';

let ctx: CaseTestContext;
let inboxCounter = 0;

beforeAll(async () => {
  ctx = await createCaseTestContext();
});

afterAll(async () => {
  await ctx?.close();
});

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** A fresh inbox of the given mode that routing knows, so each test starts empty. */
function newInbox(mode: AssignmentMode): string {
  inboxCounter += 1;
  const id = `assign-${mode}-${inboxCounter}`;
  ctx.inboxes.put(testInbox(id, { assignmentMode: mode }));
  return id;
}

function member(inboxId: string, id: string, roles: string[] = ['agent']): Partial<Actor> {
  return { id, name: id, roles, groups: [`/inbox/${inboxId}`] };
}

describe(AssignmentService.name, () => {
  describe('assign in a dispatcher inbox', () => {
    it('refuses agents with CASE.ASSIGNMENT_FORBIDDEN and lets a supervisor hand out, to others or to themselves', async () => {
      const inboxId = newInbox('dispatcher');
      const c = await ctx.newCase({ inboxId }, member(inboxId, 'anna'));
      const agent = ctx.as(member(inboxId, 'anna'));
      expect(await codeOf(ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'anna' }, agent))).toBe(
        'CASE.ASSIGNMENT_FORBIDDEN',
      );
      const supervisor = ctx.as(member(inboxId, 'cecilia', ['supervisor']));
      const toBertil = await ctx.assignments.assign(
        { number: c.number, version: 1, assigneeId: 'bertil', assigneeName: 'Bertil' },
        supervisor,
      );
      expect(toBertil).toMatchObject({ assigneeId: 'bertil', lock: null });
      expect(await codeOf(ctx.assignments.assign({ number: c.number, version: 2, assigneeId: null }, agent))).toBe(
        'CASE.ASSIGNMENT_FORBIDDEN',
      );
      const toSelf = await ctx.assignments.assign({ number: c.number, version: 2, assigneeId: 'cecilia' }, supervisor);
      expect(toSelf.assigneeId).toBe('cecilia');
    });
  });

  describe('assign in a pick-own inbox', () => {
    it('locks a case an agent takes to them, keeps others out, and releases it when they give it away', async () => {
      const inboxId = newInbox('pick_own');
      const c = await ctx.newCase({ inboxId }, member(inboxId, 'anna'));
      const anna = ctx.as(member(inboxId, 'anna'));
      const bertil = ctx.as(member(inboxId, 'bertil'));
      const taken = await ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'anna' }, anna);
      expect(taken).toMatchObject({ assigneeId: 'anna', lock: { holderId: 'anna' } });
      expect(await codeOf(ctx.assignments.assign({ number: c.number, version: 2, assigneeId: 'bertil' }, bertil))).toBe(
        'CASE.LOCKED',
      );
      const handedOver = await ctx.assignments.assign({ number: c.number, version: 2, assigneeId: 'bertil' }, anna);
      expect(handedOver).toMatchObject({ assigneeId: 'bertil', lock: null });
      const log = await ctx.dataSource.query<Array<{ kind: string }>>(
        `SELECT kind FROM case_core.case_event WHERE case_id = $1 ORDER BY id`,
        [c.id],
      );
      expect(log.map((l) => l.kind)).toEqual(['registered', 'assigned', 'locked', 'assigned', 'unlocked']);
      const lockEvents = (await ctx.outbox()).filter(
        (row) => row.payload.type === 'case.evt.lock-changed.v1' && row.payload.data.caseId === c.id,
      );
      expect(lockEvents.map((row) => (row.payload.data.lock as { holderId: string } | null)?.holderId ?? null)).toEqual(
        ['anna', null],
      );
    });
  });

  describe('assign in a pick-next inbox', () => {
    it('lets an agent only give back their own case; a supervisor still hands out', async () => {
      const inboxId = newInbox('pick_next');
      const c = await ctx.newCase({ inboxId }, member(inboxId, 'anna'));
      const anna = ctx.as(member(inboxId, 'anna'));
      expect(await codeOf(ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'anna' }, anna))).toBe(
        'CASE.ASSIGNMENT_FORBIDDEN',
      );
      const picked = await ctx.assignments.pickNext({ inboxId }, anna);
      expect(picked.case).toMatchObject({ number: c.number, assigneeId: 'anna', lock: null });
      const givenBack = await ctx.assignments.assign({ number: c.number, version: 2, assigneeId: null }, anna);
      expect(givenBack.assigneeId).toBeNull();
      const supervisor = ctx.as(member(inboxId, 'cecilia', ['supervisor']));
      const handed = await ctx.assignments.assign({ number: c.number, version: 3, assigneeId: 'anna' }, supervisor);
      expect(handed.assigneeId).toBe('anna');
    });
  });

  describe('pickNext', () => {
    it('hands out urgent, prioritised, normal, oldest first, passing over assigned, resolved, closed and parked cases', async () => {
      const inboxId = newInbox('pick_next');
      const registrar = member(inboxId, 'registrar');
      const normalOld = await ctx.newCase({ inboxId, title: 'normal, äldst' }, registrar);
      const prioritised = await ctx.newCase({ inboxId, priority: 'prioritised' }, registrar);
      const normalNew = await ctx.newCase({ inboxId, title: 'normal, nyast' }, registrar);
      for (const status of ['resolved', 'closed'] as const) {
        await ctx.newCase({ inboxId, priority: 'urgent', status }, registrar);
      }
      const parked = await ctx.newCase({ inboxId, priority: 'urgent' }, registrar);
      await ctx.cases.transition({ number: parked.number, version: 1, to: 'parked' }, ctx.as(registrar));
      const taken = await ctx.newCase({ inboxId, priority: 'urgent' }, registrar);
      const supervisor = ctx.as(member(inboxId, 'cecilia', ['supervisor']));
      await ctx.assignments.assign({ number: taken.number, version: 1, assigneeId: 'bertil' }, supervisor);
      const urgent = await ctx.newCase({ inboxId, priority: 'urgent' }, registrar);

      const anna = ctx.as(member(inboxId, 'anna'));
      const order: Array<string | null> = [];
      for (let i = 0; i < 5; i++) order.push((await ctx.assignments.pickNext({ inboxId }, anna)).case?.number ?? null);
      expect(order).toEqual([urgent.number, prioritised.number, normalOld.number, normalNew.number, null]);

      const assigned = (await ctx.outbox()).filter(
        (row) => row.payload.type === caseAssignedV1.subject && row.payload.data.number === urgent.number,
      );
      expect(assigned.map((row) => row.payload.data)).toEqual([
        expect.objectContaining({ inboxId, assigneeId: 'anna', previousAssigneeId: null }),
      ]);
    });

    it('never gives two agents picking at once the same case', async () => {
      const inboxId = newInbox('pick_next');
      const numbers = new Set<string>();
      for (let i = 0; i < 8; i++) numbers.add((await ctx.newCase({ inboxId }, member(inboxId, 'registrar'))).number);
      const pickers = Array.from({ length: 11 }, (_, i) => ctx.as(member(inboxId, `picker-${i}`)));
      const picks = await Promise.all(pickers.map((picker) => ctx.assignments.pickNext({ inboxId }, picker)));
      const got = picks.map((pick) => pick.case?.number).filter((n): n is string => n !== undefined);
      expect(got).toHaveLength(8);
      expect(new Set(got)).toEqual(numbers);
      expect(picks.filter((pick) => pick.case === null)).toHaveLength(3);
      const rows = await ctx.dataSource.query<Array<{ assignee_id: string }>>(
        `SELECT assignee_id FROM case_core."case" WHERE inbox_id = $1`,
        [inboxId],
      );
      expect(new Set(rows.map((r) => r.assignee_id)).size).toBe(8);
    });

    it('locks the picked case in a pick-own inbox, refuses agents in a dispatcher inbox, and knows no unknown inbox', async () => {
      const own = newInbox('pick_own');
      await ctx.newCase({ inboxId: own }, member(own, 'registrar'));
      const picked = await ctx.assignments.pickNext({ inboxId: own }, ctx.as(member(own, 'anna')));
      expect(picked.case?.lock?.holderId).toBe('anna');

      const dispatcher = newInbox('dispatcher');
      await ctx.newCase({ inboxId: dispatcher }, member(dispatcher, 'registrar'));
      expect(await codeOf(ctx.assignments.pickNext({ inboxId: dispatcher }, ctx.as(member(dispatcher, 'anna'))))).toBe(
        'CASE.ASSIGNMENT_FORBIDDEN',
      );
      expect(await codeOf(ctx.assignments.pickNext({ inboxId: 'finns-inte' }, ctx.as()))).toBe('CASE.INBOX_NOT_FOUND');
      ctx.inboxes.put(testInbox('stangd', { assignmentMode: 'pick_next', active: false }));
      expect(await codeOf(ctx.assignments.pickNext({ inboxId: 'stangd' }, ctx.as(member('stangd', 'anna'))))).toBe(
        'CASE.INBOX_INACTIVE',
      );
    });

    it('records a person by their login, not their token subject, so the directory finds them', async () => {
      const own = newInbox('pick_own');
      const first = await ctx.newCase({ inboxId: own }, member(own, 'registrar'));
      const second = await ctx.newCase({ inboxId: own }, member(own, 'registrar'));
      // As from a token: the subject is an opaque id, the login is preferred_username.
      const anna = ctx.as({ ...member(own, 'c0ffee00-aaaa-4bbb-8ccc-000000000001'), userName: 'anna' });
      const picked = await ctx.assignments.pickNext({ inboxId: own }, anna);
      expect(picked.case).toMatchObject({ number: first.number, assigneeId: 'anna', lock: { holderId: 'anna' } });
      // "Assign to me" by login is taking the case: the lock follows, and the same person may give it back.
      const taken = await ctx.assignments.assign({ number: second.number, version: 1, assigneeId: 'anna' }, anna);
      expect(taken).toMatchObject({ assigneeId: 'anna', lock: { holderId: 'anna' } });
      const bertil = ctx.as({ ...member(own, 'c0ffee00-aaaa-4bbb-8ccc-000000000002'), userName: 'bertil' });
      expect(
        await codeOf(ctx.assignments.assign({ number: second.number, version: 2, assigneeId: null }, bertil)),
      ).toBe('CASE.LOCKED');
      const given = await ctx.assignments.assign({ number: second.number, version: 2, assigneeId: 'bertil' }, anna);
      expect(given).toMatchObject({ assigneeId: 'bertil', lock: null });
    });

    it('gives nothing from an inbox the caller does not belong to', async () => {
      const inboxId = newInbox('pick_next');
      await ctx.newCase({ inboxId }, member(inboxId, 'registrar'));
      const outsider = ctx.as(member('en-annan-inkorg', 'olle'));
      expect(await ctx.assignments.pickNext({ inboxId }, outsider)).toEqual({ case: null });
    });
  });

  describe('an inbox routing does not know', () => {
    it('refuses to assign a case in it with CASE.INBOX_NOT_FOUND', async () => {
      const c = await ctx.newCase({ inboxId: 'okand-inkorg' }, member('okand-inkorg', 'anna'));
      const anna = ctx.as(member('okand-inkorg', 'anna'));
      expect(await codeOf(ctx.assignments.assign({ number: c.number, version: 1, assigneeId: 'anna' }, anna))).toBe(
        'CASE.INBOX_NOT_FOUND',
      );
    });
  });
});

describe(InboxLookup.name, () => {
  it('asks routing once per inbox within its time to live, again after it, and keeps no failure', async () => {
    let now = 1_000_000;
    const lookup = new InboxLookup(new RpcClient({ nc: ctx.nc, names: ctx.names }), { ttlMs: 10_000, now: () => now });
    const id = newInbox('pick_own');
    const before = ctx.inboxes.requests();
    await Promise.all([lookup.get(id, 'c1'), lookup.get(id, 'c2')]);
    now += 9_999;
    await lookup.get(id, 'c3');
    expect(ctx.inboxes.requests() - before).toBe(1);
    now += 2;
    ctx.inboxes.put(testInbox(id, { assignmentMode: 'dispatcher' }));
    expect((await lookup.get(id, 'c4')).assignmentMode).toBe('dispatcher');
    expect(ctx.inboxes.requests() - before).toBe(2);

    expect(await codeOf(lookup.get('saknas', 'c5'))).toBe('CASE.INBOX_NOT_FOUND');
    ctx.inboxes.put(testInbox('saknas'));
    expect((await lookup.get('saknas', 'c6')).id).toBe('saknas');
  });
});
