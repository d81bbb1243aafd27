import { createTestContext, type TestContext } from '@arende/testing';
import { ensureStreams } from '../src/index.js';
import { contextOptions } from './support/schema.js';

describe(ensureStreams.name, () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(contextOptions);
  });
  afterAll(() => ctx.close());

  it('creates one stream per owner and the dead-letter stream, and updates them on a second call', async () => {
    await ensureStreams(ctx.jsm, ctx.names, ['case', 'intake']);
    await ensureStreams(ctx.jsm, ctx.names, ['case', 'intake'], { maxAgeMs: 3_600_000 });

    const info = await ctx.jsm.streams.info(ctx.names.stream('case'));
    expect(info.config).toMatchObject({
      subjects: [`${ctx.prefix}case.evt.>`],
      storage: 'file',
      discard: 'old',
      max_age: 3_600_000 * 1_000_000,
      duplicate_window: 120_000 * 1_000_000,
    });
    const deadLetters = await ctx.jsm.streams.info(ctx.names.deadLetterStream);
    expect(deadLetters.config.subjects).toEqual([`${ctx.prefix}deadletter.>`]);
    await expect(ctx.jsm.streams.info(ctx.names.stream('intake'))).resolves.toBeDefined();
  });
});
