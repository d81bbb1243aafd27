import { CATALOGUE, type CaseView, DomainError, type ErrorCode, type EventContract } from '@arende/contracts';
import { uuidv7 } from 'uuidv7';
import { RelationRepository } from '../../src/repositories/relation.repository.js';
import { RelationService } from '../../src/services/relation.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let relations: RelationService;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  relations = new RelationService(
    ctx.dataSource,
    ctx.repository,
    new RelationRepository(ctx.dataSource, SCHEMA.schema),
    { nudge: () => undefined },
  );
});

afterAll(async () => {
  await ctx?.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: ErrorCode; details: unknown } | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
}

async function log(c: CaseView) {
  return ctx.dataSource.query<Array<{ kind: string; actor_id: string; changes: Record<string, unknown> }>>(
    `SELECT kind, actor_id, changes FROM case_core.case_event WHERE case_id = $1 ORDER BY id`,
    [c.id],
  );
}

async function eventsOf(c: CaseView) {
  return (await ctx.outbox())
    .filter((r) => r.payload.data.caseId === c.id)
    .map((r) => ({ type: r.payload.type, data: r.payload.data }));
}

const get = (c: CaseView) => ctx.cases.get(c.number, ctx.as());

describe(RelationService.name, () => {
  describe('relate', () => {
    it('relates several children, moves them to childStatus and lets them inherit the case type', async () => {
      const master = await ctx.newCase({ caseTypeId: 'snorojning', categoryId: 'gata-park' });
      const a = await ctx.newCase({ caseTypeId: 'avfall' });
      const b = await ctx.newCase({ status: 'open' });
      const anna = ctx.as({ id: 'anna', name: 'Anna' });

      const result = await relations.relate(
        {
          masterNumber: master.number,
          childNumbers: [a.number, b.number],
          childStatus: 'waiting_for_customer',
          inheritCaseType: true,
        },
        anna,
      );

      expect(result.case.number).toBe(master.number);
      expect(result.master).toBeNull();
      expect(result.children).toEqual(
        [a, b].map((c) => ({ number: c.number, title: c.title, status: 'waiting_for_customer' })),
      );
      for (const child of [a, b]) {
        const after = await get(child);
        expect(after).toMatchObject({
          parentCaseId: master.id,
          status: 'waiting_for_customer',
          caseTypeId: 'snorojning',
          categoryId: 'gata-park',
          version: 2,
        });
        expect((await log(child)).map((l) => l.kind)).toEqual(['registered', 'related', 'status-changed', 'updated']);
        expect((await eventsOf(child)).map((e) => e.type)).toEqual([
          'case.evt.related.v1',
          'case.evt.status-changed.v1',
          'case.evt.updated.v1',
        ]);
      }
      expect((await log(a))[3].changes).toEqual({
        caseTypeId: { before: 'avfall', after: 'snorojning' },
        categoryId: { before: null, after: 'gata-park' },
      });
      expect((await get(master)).version).toBe(2);
      const masterLog = await log(master);
      expect(masterLog[1]).toEqual({
        kind: 'related',
        actor_id: 'anna',
        changes: { children: { before: [], after: [a.number, b.number].sort() } },
      });
      const [related] = await eventsOf(master);
      expect(related).toMatchObject({
        type: 'case.evt.related.v1',
        data: { role: 'master', version: 2, childNumbers: [a.number, b.number] },
      });
    });

    it('fails the whole request with 409 naming the case and both states when one child may not move', async () => {
      const master = await ctx.newCase();
      const fine = await ctx.newCase();
      const resolved = await ctx.newCase({ status: 'resolved' });
      const outcome = await failure(
        relations.relate(
          {
            masterNumber: master.number,
            childNumbers: [fine.number, resolved.number],
            childStatus: 'open',
            inheritCaseType: false,
          },
          ctx.as(),
        ),
      );
      expect(outcome).toMatchObject({
        code: 'CASE.TRANSITION_FORBIDDEN',
        details: { number: resolved.number, from: 'resolved', to: 'open' },
      });
      for (const c of [master, fine, resolved]) {
        expect(await get(c)).toMatchObject({ version: 1, parentCaseId: null });
      }
      expect(await eventsOf(fine)).toEqual([]);
    });

    it('refuses a case as its own master, a master that is a child, a child that is a master, and so any cycle', async () => {
      const m = await ctx.newCase();
      const child = await ctx.newCase();
      await relations.relate(
        { masterNumber: m.number, childNumbers: [child.number], inheritCaseType: false },
        ctx.as(),
      );
      const other = await ctx.newCase();
      const relate = (masterNumber: string, childNumbers: string[]) =>
        failure(relations.relate({ masterNumber, childNumbers, inheritCaseType: false }, ctx.as()));

      expect(await relate(other.number, [other.number])).toMatchObject({
        code: 'CASE.RELATION_INVALID',
        details: { reason: 'self' },
      });
      // child -> m would close the circle m -> child -> m
      expect(await relate(child.number, [m.number])).toMatchObject({
        code: 'CASE.RELATION_INVALID',
        details: { reason: 'nested', number: child.number },
      });
      expect(await relate(child.number, [other.number])).toMatchObject({ details: { reason: 'nested' } });
      expect(await relate(other.number, [m.number])).toMatchObject({
        code: 'CASE.RELATION_INVALID',
        details: { reason: 'nested', number: m.number },
      });
      expect((await get(other)).version).toBe(1);
    });

    it('moves a child from its former master, and says so in both logs', async () => {
      const first = await ctx.newCase();
      const second = await ctx.newCase();
      const child = await ctx.newCase();
      const stays = await ctx.newCase();
      await relations.relate(
        { masterNumber: first.number, childNumbers: [child.number, stays.number], inheritCaseType: false },
        ctx.as(),
      );
      const result = await relations.relate(
        { masterNumber: second.number, childNumbers: [child.number], inheritCaseType: false },
        ctx.as(),
      );
      expect(result.children.map((c) => c.number)).toEqual([child.number]);
      expect((await log(child)).at(-1)).toMatchObject({
        kind: 'related',
        changes: { master: { before: first.number, after: second.number } },
      });
      expect((await log(first)).at(-1)).toMatchObject({
        kind: 'unrelated',
        changes: { children: { before: [child.number, stays.number].sort(), after: [stays.number] } },
      });
      expect((await get(first)).version).toBe(3);
      expect((await eventsOf(first)).at(-1)).toMatchObject({
        type: 'case.evt.unrelated.v1',
        data: { role: 'master', childNumbers: [child.number] },
      });
      expect((await eventsOf(child)).at(-1)?.data).toMatchObject({
        previousMasterNumber: first.number,
        masterNumber: second.number,
      });
      expect((await relations.get(first.number, ctx.as())).children.map((c) => c.number)).toEqual([stays.number]);
    });

    it('refuses children locked by someone else (423), closed ones, and unknown numbers', async () => {
      const master = await ctx.newCase();
      const locked = await ctx.newCase();
      await ctx.cases.lock(locked.number, ctx.as({ id: 'bertil', name: 'Bertil' }));
      const relate = (childNumbers: string[]) =>
        failure(relations.relate({ masterNumber: master.number, childNumbers, inheritCaseType: false }, ctx.as()));
      expect(await relate([locked.number])).toMatchObject({
        code: 'CASE.LOCKED',
        details: { number: locked.number, holderId: 'bertil' },
      });
      const closed = await ctx.newCase({ status: 'closed' });
      expect(await relate([closed.number])).toMatchObject({ code: 'CASE.CLOSED', details: { number: closed.number } });
      expect(await relate(['1999-999998', locked.number])).toMatchObject({
        code: 'CASE.NOT_FOUND',
        details: { numbers: ['1999-999998'] },
      });
      // the holder of the lock may relate it
      const byBertil = await relations.relate(
        { masterNumber: master.number, childNumbers: [locked.number], inheritCaseType: false },
        ctx.as({ id: 'bertil' }),
      );
      expect(byBertil.children).toHaveLength(1);
    });

    it('changes nothing for a child already related in the asked status', async () => {
      const master = await ctx.newCase();
      const child = await ctx.newCase({ status: 'open' });
      const input = {
        masterNumber: master.number,
        childNumbers: [child.number],
        childStatus: 'open' as const,
        inheritCaseType: false,
      };
      await relations.relate(input, ctx.as());
      await relations.relate(input, ctx.as());
      expect((await get(child)).version).toBe(2);
      expect((await get(master)).version).toBe(2);
    });
  });

  describe('unrelate', () => {
    it('detaches a child with a new version, log line and event on both cases', async () => {
      const master = await ctx.newCase();
      const child = await ctx.newCase();
      await relations.relate(
        { masterNumber: master.number, childNumbers: [child.number], inheritCaseType: false },
        ctx.as(),
      );
      const result = await relations.unrelate({ masterNumber: master.number, childNumber: child.number }, ctx.as());
      expect(result.children).toEqual([]);
      expect(await get(child)).toMatchObject({ parentCaseId: null, version: 3 });
      expect((await get(master)).version).toBe(3);
      expect((await log(child)).at(-1)).toMatchObject({
        kind: 'unrelated',
        changes: { master: { before: master.number, after: null } },
      });
      expect((await log(master)).at(-1)).toMatchObject({
        kind: 'unrelated',
        changes: { children: { before: [child.number], after: [] } },
      });
      expect((await eventsOf(child)).at(-1)?.type).toBe('case.evt.unrelated.v1');
      expect(
        await failure(relations.unrelate({ masterNumber: master.number, childNumber: child.number }, ctx.as())),
      ).toMatchObject({
        code: 'CASE.RELATION_INVALID',
        details: { reason: 'not-a-child' },
      });
    });
  });

  describe('get', () => {
    it('shows a child its master and a master its children', async () => {
      const master = await ctx.newCase({ title: 'Huvud' });
      const child = await ctx.newCase({ title: 'Under' });
      await relations.relate(
        { masterNumber: master.number, childNumbers: [child.number], inheritCaseType: false },
        ctx.as(),
      );
      expect(await relations.get(child.number, ctx.as())).toEqual({
        case: { number: child.number, title: 'Under', status: 'new' },
        master: { number: master.number, title: 'Huvud', status: 'new' },
        children: [],
      });
      expect(await failure(relations.get('1999-999997', ctx.as()))).toMatchObject({ code: 'CASE.NOT_FOUND' });
    });
  });

  describe('closing a master', () => {
    it('closes every child not closed yet in the same transaction, each with its own events and log line', async () => {
      const master = await ctx.newCase();
      const open = await ctx.newCase({ status: 'open' });
      const resolved = await ctx.newCase({ status: 'resolved' });
      const alreadyClosed = await ctx.newCase();
      await relations.relate(
        {
          masterNumber: master.number,
          childNumbers: [open.number, resolved.number, alreadyClosed.number],
          inheritCaseType: false,
        },
        ctx.as(),
      );
      const closedChild = await ctx.cases.transition(
        { number: alreadyClosed.number, version: 2, to: 'closed' },
        ctx.as(),
      );
      const cecilia = ctx.as({ id: 'cecilia', name: 'Cecilia' });
      const m = await get(master);
      await ctx.cases.transition({ number: master.number, version: m.version, to: 'closed' }, cecilia);

      for (const [child, from] of [
        [open, 'open'],
        [resolved, 'resolved'],
      ] as const) {
        const after = await get(child);
        expect(after).toMatchObject({ status: 'closed', version: 3 });
        expect(after.closedAt).not.toBeNull();
        expect((await log(child)).at(-1)).toEqual({
          kind: 'status-changed',
          actor_id: 'cecilia',
          changes: {
            status: { before: from, after: 'closed' },
            reason: { before: null, after: `Huvudärendet ${master.number} stängdes` },
          },
        });
        const events = (await eventsOf(child)).slice(-2);
        expect(events.map((e) => e.type)).toEqual(['case.evt.status-changed.v1', 'case.evt.closed.v1']);
        expect(events[0].data).toMatchObject({ from, to: 'closed', version: 3 });
      }
      expect(await get(alreadyClosed)).toEqual(closedChild);
    });

    it('removes the children’s memos as it closes them, keeping their notes', async () => {
      const master = await ctx.newCase();
      const child = await ctx.newCase();
      for (const kind of ['memo', 'internal_note']) {
        await ctx.dataSource.query(
          `INSERT INTO case_core.entry (id, case_id, kind, visibility, author_id, author_name, sender, text, html,
             attachments, created_at)
           VALUES ($1, $2, $3, 'staff', 'anna', 'Anna', NULL, 'Ring tillbaka', NULL, '[]', now())`,
          [uuidv7(), child.id, kind],
        );
      }
      await relations.relate(
        { masterNumber: master.number, childNumbers: [child.number], inheritCaseType: false },
        ctx.as(),
      );
      await ctx.cases.transition({ number: master.number, version: 2, to: 'closed' }, ctx.as());
      const kinds = await ctx.dataSource.query<Array<{ kind: string }>>(
        `SELECT kind FROM case_core.entry WHERE case_id = $1`,
        [child.id],
      );
      expect(kinds.map((k) => k.kind)).toEqual(['internal_note']);
      expect((await eventsOf(child)).at(-1)).toMatchObject({
        type: 'case.evt.entries-removed.v1',
        data: { reason: 'case-closed', count: 1 },
      });
      expect((await log(child)).at(-1)).toMatchObject({ kind: 'entries-removed' });
    });
  });

  it('writes only events that pass their contract', async () => {
    const contracts = new Map(
      CATALOGUE.filter((m): m is EventContract => m.kind === 'event').map((m) => [m.subject, m] as const),
    );
    for (const row of await ctx.outbox()) {
      const parsed = contracts.get(row.subject)?.envelope.safeParse(row.payload);
      expect([row.subject, parsed ? (parsed.error?.issues ?? []) : 'no contract']).toEqual([row.subject, []]);
    }
  });
});
