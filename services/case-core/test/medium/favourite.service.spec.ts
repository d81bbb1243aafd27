import { FavouriteRepository } from '../../src/repositories/favourite.repository.js';
import { FavouriteService } from '../../src/services/favourite.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';

let ctx: CaseTestContext;
let favourites: FavouriteService;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  favourites = new FavouriteService(ctx.repository, new FavouriteRepository(ctx.dataSource, SCHEMA.schema));
});

afterAll(async () => {
  await ctx?.close();
});

describe(FavouriteService.name, () => {
  it('keeps favourites per user, latest first, idempotently, across pages', async () => {
    const anna = ctx.as({ id: 'anna' });
    const bertil = ctx.as({ id: 'bertil' });
    const a = await ctx.newCase({ title: 'Första', priority: 'urgent' });
    const b = await ctx.newCase({ title: 'Andra' });
    const c = await ctx.newCase({ title: 'Tredje', status: 'open' });

    expect(await favourites.add(a.number, anna)).toEqual({ number: a.number, favourite: true });
    await favourites.add(b.number, anna);
    await favourites.add(a.number, anna);
    await favourites.add(c.number, anna);
    await favourites.add(b.number, bertil);

    const first = await favourites.list({ limit: 2 }, anna);
    const second = await favourites.list({ limit: 2, cursor: first.nextCursor ?? undefined }, anna);
    expect([...first.items, ...second.items].map((f) => f.number)).toEqual([c.number, b.number, a.number]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]).toEqual({
      number: a.number,
      title: 'Första',
      status: 'new',
      priority: 'urgent',
      addedAt: expect.any(String) as unknown,
    });
    expect(first.items[0].status).toBe('open');

    expect(await favourites.remove(b.number, anna)).toEqual({ number: b.number, favourite: false });
    expect(await favourites.remove(b.number, anna)).toEqual({ number: b.number, favourite: false });
    expect((await favourites.list({ limit: 50 }, anna)).items.map((f) => f.number)).toEqual([c.number, a.number]);
    expect((await favourites.list({ limit: 50 }, bertil)).items.map((f) => f.number)).toEqual([b.number]);
  });

  it('does not touch the case: no version, no log line, no event', async () => {
    const c = await ctx.newCase();
    const before = (await ctx.outbox()).length;
    await favourites.add(c.number, ctx.as());
    expect((await ctx.cases.get(c.number, ctx.as())).version).toBe(1);
    expect((await ctx.outbox()).length).toBe(before);
  });

  it('is CASE.NOT_FOUND for an unknown case and REQUEST.INVALID for a made-up cursor', async () => {
    await expect(favourites.add('1999-999995', ctx.as())).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
    await expect(favourites.list({ limit: 5, cursor: 'bm9wZQ' }, ctx.as())).rejects.toMatchObject({
      code: 'REQUEST.INVALID',
    });
  });
});
