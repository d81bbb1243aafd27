import {
  CATALOGUE,
  type CaseView,
  DomainError,
  type ErrorCode,
  type EventContract,
  caseRegisteredV1,
} from '@arende/contracts';
import { uuidv7 } from 'uuidv7';
import { createEnvelope } from '@arende/messaging';
import { stockholmYear } from '../../src/services/stockholm-time.js';
import { CaseService } from '../../src/services/case.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;

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

const events = new Map(
  CATALOGUE.filter((m): m is EventContract => m.kind === 'event').map((m) => [m.subject, m] as const),
);

describe(CaseService.name, () => {
  describe('register', () => {
    it('numbers cases YYYY-NNNNNN from the Swedish year, one after the other', async () => {
      const a = await ctx.newCase();
      const b = await ctx.newCase();
      const year = stockholmYear(new Date());
      expect(a.number).toMatch(new RegExp(`^${year}-\\d{6}$`));
      expect(Number(b.number.slice(5))).toBe(Number(a.number.slice(5)) + 1);
    });

    it('keeps a sequence per year, each starting at 000001', async () => {
      const template = await ctx.newCase();
      const numbers: string[] = [];
      for (const year of [2031, 2032, 2031]) {
        const view = { ...template, id: uuidv7(), number: '0000-000000' };
        const requester = ctx.as();
        const event = createEnvelope(caseRegisteredV1, view, requester);
        numbers.push(await ctx.repository.insertRegistered(view, year, event, requester.actor));
      }
      expect(numbers).toEqual(['2031-000001', '2032-000001', '2031-000002']);
    });

    it('writes the registered event with the real number and a log line in the same statement', async () => {
      const c = await ctx.newCase({ title: 'Vattenläcka i lekparken', priority: 'urgent' });
      const outbox = await ctx.outbox();
      const registered = outbox.filter(
        (row) => row.payload.type === 'case.evt.registered.v1' && row.payload.data.id === c.id,
      );
      expect(registered).toHaveLength(1);
      expect(registered[0].subject).toBe('case.evt.registered.v1');
      expect(registered[0].payload.data).toEqual(c);
      const log = await ctx.dataSource.query<Array<{ kind: string }>>(
        `SELECT kind FROM case_core.case_event WHERE case_id = $1`,
        [c.id],
      );
      expect(log.map((l) => l.kind)).toEqual(['registered']);
      expect(ctx.nudges()).toBeGreaterThan(0);
    });

    it('puts a case with no inbox into the default inbox and a closed registration gets its closing time', async () => {
      const c = await ctx.newCase({ status: 'closed' });
      expect(c.inboxId).toBe('kundtjanst');
      expect(c.closedAt).toBe(c.registeredAt);
    });
  });

  describe('update', () => {
    it('changes fields, bumps the version and logs before and after', async () => {
      const c = await ctx.newCase({ priority: 'normal' });
      const updated = await ctx.cases.update(
        { number: c.number, version: c.version, changes: { priority: 'urgent', description: 'Akut' } },
        ctx.as(),
      );
      expect(updated).toMatchObject({ version: 2, priority: 'urgent', description: 'Akut' });
      const log = await ctx.dataSource.query<Array<{ changes: Record<string, unknown> }>>(
        `SELECT changes FROM case_core.case_event WHERE case_id = $1 AND kind = 'updated'`,
        [c.id],
      );
      expect(log[0].changes).toEqual({
        priority: { before: 'normal', after: 'urgent' },
        description: { before: '', after: 'Akut' },
      });
    });

    it('stores a location (a point at registration, then a drawn area) and clears it', async () => {
      const point = { type: 'Point' as const, coordinates: [17.9995, 59.3625] as [number, number] };
      const c = await ctx.newCase({ location: point });
      expect(c.location).toEqual(point);
      const area = {
        type: 'Polygon' as const,
        coordinates: [
          [
            [17.99, 59.36],
            [18.0, 59.36],
            [18.0, 59.37],
            [17.99, 59.36],
          ] as Array<[number, number]>,
        ] as [Array<[number, number]>],
      };
      const drawn = await ctx.cases.update(
        { number: c.number, version: c.version, changes: { location: area } },
        ctx.as(),
      );
      expect(drawn.location).toEqual(area);
      expect((await ctx.cases.get(c.number, ctx.as())).location).toEqual(area);
      const same = await ctx.cases.update(
        { number: c.number, version: drawn.version, changes: { location: area } },
        ctx.as(),
      );
      expect(same.version).toBe(drawn.version);
      const cleared = await ctx.cases.update(
        { number: c.number, version: drawn.version, changes: { location: null } },
        ctx.as(),
      );
      expect(cleared.location).toBeNull();
    });

    it('rejects a stale version with CASE.VERSION_CONFLICT', async () => {
      const c = await ctx.newCase();
      await ctx.cases.update({ number: c.number, version: 1, changes: { title: 'Ny' } }, ctx.as());
      expect(
        await codeOf(ctx.cases.update({ number: c.number, version: 1, changes: { title: 'Annan' } }, ctx.as())),
      ).toBe('CASE.VERSION_CONFLICT');
    });

    it('lets exactly one of two simultaneous edits of the same version through', async () => {
      const c = await ctx.newCase();
      const outcomes = await Promise.all([
        codeOf(ctx.cases.update({ number: c.number, version: 1, changes: { title: 'Från Anna' } }, ctx.as())),
        codeOf(ctx.cases.update({ number: c.number, version: 1, changes: { description: 'Från Bertil' } }, ctx.as())),
      ]);
      expect(outcomes.sort()).toEqual(['CASE.VERSION_CONFLICT', 'resolved']);
      const after = await ctx.cases.get(c.number, ctx.as());
      expect(after.version).toBe(2);
    });

    it('refuses to change a closed case', async () => {
      const c = await ctx.newCase({ status: 'closed' });
      expect(await codeOf(ctx.cases.update({ number: c.number, version: 1, changes: { title: 'x' } }, ctx.as()))).toBe(
        'CASE.CLOSED',
      );
    });

    it('is CASE.NOT_FOUND for an unknown number', async () => {
      expect(await codeOf(ctx.cases.get('1999-999999', ctx.as()))).toBe('CASE.NOT_FOUND');
    });
  });

  describe('transition', () => {
    it('closes with a closing time and handling time, publishing status-changed and closed', async () => {
      const c = await ctx.newCase();
      const open = await ctx.cases.transition({ number: c.number, version: 1, to: 'open' }, ctx.as());
      const closed = await ctx.cases.transition({ number: c.number, version: open.version, to: 'closed' }, ctx.as());
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).not.toBeNull();
      const types = (await ctx.outbox()).filter((r) => r.payload.data.caseId === c.id).map((r) => r.payload.type);
      expect(types).toEqual(['case.evt.status-changed.v1', 'case.evt.status-changed.v1', 'case.evt.closed.v1']);
      const reopened = await ctx.cases.transition(
        { number: c.number, version: closed.version, to: 'reopened' },
        ctx.as(),
      );
      expect(reopened.closedAt).toBeNull();
    });

    it('parks until a time, and refuses parkedUntil with another status', async () => {
      const c = await ctx.newCase();
      const until = '2026-12-01T07:00:00.000Z';
      const parked = await ctx.cases.transition(
        { number: c.number, version: 1, to: 'parked', parkedUntil: until },
        ctx.as(),
      );
      expect(parked.parkedUntil).toBe(until);
      expect(
        await codeOf(
          ctx.cases.transition({ number: c.number, version: parked.version, to: 'open', parkedUntil: until }, ctx.as()),
        ),
      ).toBe('REQUEST.INVALID');
    });

    it('refuses a forbidden transition without changing anything', async () => {
      const c = await ctx.newCase({ status: 'closed' });
      expect(await codeOf(ctx.cases.transition({ number: c.number, version: 1, to: 'open' }, ctx.as()))).toBe(
        'CASE.TRANSITION_FORBIDDEN',
      );
      expect((await ctx.cases.get(c.number, ctx.as())).version).toBe(1);
    });
  });

  describe('assign', () => {
    it('sets and removes the handling officer, keeping who held it in the log', async () => {
      const c = await ctx.newCase();
      const assigned = await ctx.assignments.assign(
        { number: c.number, version: 1, assigneeId: 'anna', assigneeName: 'Anna' },
        ctx.as(),
      );
      expect(assigned).toMatchObject({ assigneeId: 'anna', assigneeName: 'Anna', version: 2 });
      const removed = await ctx.assignments.assign({ number: c.number, version: 2, assigneeId: null }, ctx.as());
      expect(removed).toMatchObject({ assigneeId: null, assigneeName: null, version: 3 });
      const log = await ctx.dataSource.query<Array<{ changes: { assignee: { before: unknown; after: unknown } } }>>(
        `SELECT changes FROM case_core.case_event WHERE case_id = $1 AND kind = 'assigned' ORDER BY id`,
        [c.id],
      );
      expect(log.map((l) => l.changes.assignee)).toEqual([
        { before: null, after: 'anna' },
        { before: 'anna', after: null },
      ]);
    });
  });

  describe('locks', () => {
    it('locks to one person; others get CASE.LOCKED naming the holder; a supervisor forces it open', async () => {
      const c = await ctx.newCase();
      const anna = ctx.as({ id: 'anna', name: 'Anna Andersson' });
      const bertil = ctx.as({ id: 'bertil', name: 'Bertil' });
      const locked = await ctx.cases.lock(c.number, anna);
      expect(locked.lock).toMatchObject({ holderId: 'anna', holderName: 'Anna Andersson' });
      expect(locked.version).toBe(1);

      let error: unknown;
      try {
        await ctx.cases.update({ number: c.number, version: 1, changes: { title: 'x' } }, bertil);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'CASE.LOCKED', details: { holderId: 'anna', holderName: 'Anna Andersson' } });
      expect(await codeOf(ctx.cases.lock(c.number, bertil))).toBe('CASE.LOCKED');
      expect(await codeOf(ctx.cases.unlock(c.number, true, bertil))).toBe('AUTH.FORBIDDEN');

      const holderEdits = await ctx.cases.update({ number: c.number, version: 1, changes: { title: 'Annas' } }, anna);
      expect(holderEdits.title).toBe('Annas');

      const forced = await ctx.cases.unlock(c.number, true, ctx.as({ id: 'cecilia', roles: ['supervisor'] }));
      expect(forced.lock).toBeNull();
      expect(await codeOf(ctx.cases.unlock(c.number, false, anna))).toBe('CASE.NOT_LOCKED');
      const lockEvents = (await ctx.outbox()).filter(
        (r) => r.payload.type === 'case.evt.lock-changed.v1' && r.payload.data.caseId === c.id,
      );
      expect(lockEvents.map((r) => r.payload.data.forced)).toEqual([false, true]);
    });
  });

  describe('listInbox', () => {
    it('orders urgent, prioritised, normal, oldest first, across pages', async () => {
      const inboxId = 'medium-order';
      const made: CaseView[] = [];
      for (const priority of ['normal', 'prioritised', 'urgent', 'normal', 'urgent'] as const) {
        made.push(await ctx.newCase({ inboxId, priority }));
      }
      const closed = await ctx.newCase({ inboxId, status: 'closed' });
      const first = await ctx.cases.listInbox({ inboxId, limit: 2 }, ctx.as());
      const second = await ctx.cases.listInbox({ inboxId, limit: 2, cursor: first.nextCursor ?? undefined }, ctx.as());
      const third = await ctx.cases.listInbox({ inboxId, limit: 2, cursor: second.nextCursor ?? undefined }, ctx.as());
      const numbers = [...first.items, ...second.items, ...third.items].map((c) => c.number);
      expect(numbers).toEqual([made[2], made[4], made[1], made[0], made[3]].map((c) => c.number));
      expect(third.nextCursor).toBeNull();
      expect(numbers).not.toContain(closed.number);
      const onlyClosed = await ctx.cases.listInbox({ inboxId, limit: 10, statuses: ['closed'] }, ctx.as());
      expect(onlyClosed.items.map((c) => c.number)).toEqual([closed.number]);
    });
  });

  it('writes only events that pass their contract', async () => {
    const rows = await ctx.outbox();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const contract = events.get(row.subject);
      expect(contract).toBeDefined();
      const parsed = contract!.envelope.safeParse(row.payload);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });
});
