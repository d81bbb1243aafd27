import type { CaseEventView } from '@arende/contracts';
import { CaseEventRepository } from '../../src/repositories/case-event.repository.js';
import { RelationRepository } from '../../src/repositories/relation.repository.js';
import { CaseEventService } from '../../src/services/case-event.service.js';
import { RelationService } from '../../src/services/relation.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let events: CaseEventService;
let relations: RelationService;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  events = new CaseEventService(ctx.repository, new CaseEventRepository(ctx.dataSource, SCHEMA.schema));
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

/** A case that has been through every kind of change there is so far. */
async function workedCase() {
  const anna = ctx.as({ id: 'anna', name: 'Anna Andersson' });
  const bertil = ctx.as({ id: 'bertil', name: 'Bertil' });
  const cecilia = ctx.as({ id: 'cecilia', name: 'Cecilia', roles: ['supervisor'] });
  const c = await ctx.newCase({ priority: 'normal' }, anna.actor);
  await ctx.cases.update({ number: c.number, version: 1, changes: { priority: 'urgent' } }, anna);
  await ctx.cases.transition({ number: c.number, version: 2, to: 'open' }, anna);
  await ctx.assignments.assign({ number: c.number, version: 3, assigneeId: 'bertil', assigneeName: 'Bertil' }, anna);
  await ctx.cases.lock(c.number, bertil);
  await ctx.cases.unlock(c.number, false, bertil);
  await ctx.cases.lock(c.number, bertil);
  await ctx.cases.unlock(c.number, true, cecilia);
  const master = await ctx.newCase();
  await relations.relate({ masterNumber: master.number, childNumbers: [c.number], inheritCaseType: false }, cecilia);
  return c;
}

const all = async (number: string, filter: Partial<Parameters<CaseEventService['list']>[0]> = {}) => {
  const items: CaseEventView[] = [];
  let cursor: string | undefined;
  do {
    const page = await events.list({ number, limit: 3, ...filter, cursor }, ctx.as());
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
};

describe(CaseEventService.name, () => {
  it('records every change so far as who, when, what, newest first, across pages', async () => {
    const c = await workedCase();
    const log = await all(c.number);
    expect(log.map((e) => [e.kind, e.actor.id])).toEqual([
      ['related', 'cecilia'],
      ['lock-forced', 'cecilia'],
      ['locked', 'bertil'],
      ['unlocked', 'bertil'],
      ['locked', 'bertil'],
      ['assigned', 'anna'],
      ['status-changed', 'anna'],
      ['updated', 'anna'],
      ['registered', 'anna'],
    ]);
    expect(log.at(-1)?.actor).toEqual({ id: 'anna', name: 'Anna Andersson' });
    expect(log.find((e) => e.kind === 'updated')?.changes).toEqual({ priority: { before: 'normal', after: 'urgent' } });
    expect(log.find((e) => e.kind === 'assigned')?.changes).toEqual({ assignee: { before: null, after: 'bertil' } });
    expect(log.find((e) => e.kind === 'status-changed')?.changes).toEqual({ status: { before: 'new', after: 'open' } });
    expect(log.find((e) => e.kind === 'lock-forced')?.changes).toEqual({ lock: { before: 'bertil', after: null } });
    const times = log.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by kinds, actor and time', async () => {
    const c = await workedCase();
    const log = await all(c.number);
    expect((await all(c.number, { kinds: ['locked', 'assigned'] })).map((e) => e.kind)).toEqual([
      'locked',
      'locked',
      'assigned',
    ]);
    expect((await all(c.number, { actorId: 'bertil' })).map((e) => e.kind)).toEqual(['locked', 'unlocked', 'locked']);
    const registeredAt = log.at(-1)!.occurredAt;
    expect(await all(c.number, { to: registeredAt })).toEqual([]);
    expect(
      (await all(c.number, { from: registeredAt, to: new Date(Date.parse(registeredAt) + 1).toISOString() })).map(
        (e) => e.kind,
      ),
    ).toEqual(['registered']);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await all(c.number, { from: later })).toEqual([]);
  });

  it('is CASE.NOT_FOUND for an unknown case and REQUEST.INVALID for a made-up cursor', async () => {
    await expect(events.list({ number: '1999-999994', limit: 5 }, ctx.as())).rejects.toMatchObject({
      code: 'CASE.NOT_FOUND',
    });
    const c = await ctx.newCase();
    await expect(events.list({ number: c.number, limit: 5, cursor: 'eA' }, ctx.as())).rejects.toMatchObject({
      code: 'REQUEST.INVALID',
    });
  });
});
