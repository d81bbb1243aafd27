import { CaseInboxes } from './case-inboxes.js';

/** A lookup that answers from `inboxes` and counts what it was asked. */
function lookup(inboxes: Record<string, string>) {
  const asked: string[] = [];
  const fn = (number: string) => {
    asked.push(number);
    return Promise.resolve(inboxes[number] ?? null);
  };
  return { asked, fn };
}

describe(CaseInboxes.name, () => {
  it('asks once per case while the answer is fresh, however many ask at once', async () => {
    const { asked, fn } = lookup({ '2026-000001': 'kundtjanst' });
    const cases = new CaseInboxes(fn);
    const answers = await Promise.all([cases.inboxOf('2026-000001'), cases.inboxOf('2026-000001')]);
    expect(answers).toEqual(['kundtjanst', 'kundtjanst']);
    expect(await cases.inboxOf('2026-000001')).toBe('kundtjanst');
    expect(await cases.inboxOf('2026-000002')).toBeNull();
    expect(asked).toEqual(['2026-000001', '2026-000002']);
  });

  it('uses what it learned from events without asking, and asks again once the TTL passed', async () => {
    let now = 1_000;
    const { asked, fn } = lookup({ '2026-000003': 'bygglov' });
    const cases = new CaseInboxes(fn, { ttlMs: 100, maxCases: 10 }, () => now);
    cases.remember('2026-000003', 'kundtjanst');
    expect(await cases.inboxOf('2026-000003')).toBe('kundtjanst');
    expect(asked).toEqual([]);
    now += 101;
    expect(await cases.inboxOf('2026-000003')).toBe('bygglov');
    expect(asked).toEqual(['2026-000003']);
  });

  it('keeps at most maxCases, dropping the oldest, and does not keep a failed lookup', async () => {
    let fail = true;
    const asked: string[] = [];
    const cases = new CaseInboxes(
      (number) => {
        asked.push(number);
        return fail ? Promise.reject(new Error('no answer')) : Promise.resolve('kundtjanst');
      },
      { ttlMs: 60_000, maxCases: 2 },
    );
    await expect(cases.inboxOf('2026-000010')).rejects.toThrow('no answer');
    fail = false;
    expect(await cases.inboxOf('2026-000010')).toBe('kundtjanst');
    cases.remember('2026-000011', 'a');
    cases.remember('2026-000012', 'b');
    expect(await cases.inboxOf('2026-000010')).toBe('kundtjanst');
    expect(asked).toEqual(['2026-000010', '2026-000010', '2026-000010']);
  });
});
