import { caseNumbersIn, redactCaseNumbers } from './event-log-redaction.js';

describe(redactCaseNumbers.name, () => {
  const line = {
    children: { before: ['2026-000002'], after: ['2026-000002', '2026-000003'] },
    master: { before: '2026-000009', after: null },
    entry: { before: null, after: { id: '01935c4f-0a1b-7c2d-8e3f-000000000000', kind: 'memo' } },
    title: { before: 'Före', after: 'Efter' },
  };

  it('finds every case number a line mentions', () => {
    expect(caseNumbersIn(line).sort()).toEqual(['2026-000002', '2026-000003', '2026-000009']);
    expect(caseNumbersIn(null)).toEqual([]);
  });

  it('leaves hidden numbers out of lists and nulls them elsewhere, keeping everything else', () => {
    expect(redactCaseNumbers(line, new Set(['2026-000002']))).toEqual({
      children: { before: ['2026-000002'], after: ['2026-000002'] },
      master: { before: null, after: null },
      entry: line.entry,
      title: line.title,
    });
    expect(redactCaseNumbers(line, new Set(caseNumbersIn(line)))).toEqual(line);
    expect(redactCaseNumbers(null, new Set())).toBeNull();
  });
});
