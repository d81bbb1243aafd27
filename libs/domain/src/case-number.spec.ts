import {
  CASE_NUMBER_MAX_SEQUENCE,
  CaseNumberError,
  findCaseNumberInText,
  formatCaseNumber,
  isCaseNumber,
  parseCaseNumber,
} from './case-number.js';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CaseNumberError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('formatCaseNumber', () => {
  it.each([
    [2026, 1, '2026-000001'],
    [2026, 123, '2026-000123'],
    [2027, 999_999, '2027-999999'],
  ])('formats %i / %i as %s', (year, sequence, expected) => {
    expect(formatCaseNumber(year, sequence)).toBe(expected);
  });

  it('refuses a sequence above six digits with SEQUENCE and says the limit', () => {
    expect(() => formatCaseNumber(2026, CASE_NUMBER_MAX_SEQUENCE + 1)).toThrow(/999999/);
    expect(reasonOf(() => formatCaseNumber(2026, 1_000_000))).toBe('SEQUENCE');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the sequence %p', (sequence) => {
    expect(reasonOf(() => formatCaseNumber(2026, sequence))).toBe('SEQUENCE');
  });

  it.each([999, 10_000, 2026.5])('refuses the year %p', (year) => {
    expect(reasonOf(() => formatCaseNumber(year, 1))).toBe('YEAR');
  });
});

describe('parseCaseNumber', () => {
  it.each([
    '2026-000123',
    '  2026-000123 ',
    '#2026-000123',
    '# 2026-000123',
    'Ärende 2026-000123',
    'ärende #2026-000123',
    'Ärendenummer: 2026-000123',
    'arende 2026-000123',
    '2026\u2013000123',
    '2026\u2011000123',
  ])('reads %p as 2026 / 123', (text) => {
    expect(parseCaseNumber(text)).toEqual({ year: 2026, sequence: 123 });
  });

  it('round-trips with formatCaseNumber', () => {
    for (const [year, sequence] of [
      [2026, 1],
      [2030, 45_678],
      [9999, 999_999],
    ] as const) {
      expect(parseCaseNumber(formatCaseNumber(year, sequence))).toEqual({ year, sequence });
    }
  });

  it.each([
    ['', 'FORMAT'],
    ['abc', 'FORMAT'],
    ['2026-12', 'FORMAT'],
    ['26-000123', 'FORMAT'],
    ['2026/000123', 'FORMAT'],
    ['2026-000123 extra', 'FORMAT'],
    ['Re: 2026-000123', 'FORMAT'],
    ['2026-0001234', 'SEQUENCE'],
    ['2026-000000', 'SEQUENCE'],
    ['0999-000001', 'YEAR'],
  ])('refuses %p with %s', (text, reason) => {
    expect(reasonOf(() => parseCaseNumber(text))).toBe(reason);
  });

  it('throws a CaseNumberError', () => {
    expect(() => parseCaseNumber('nope')).toThrow(CaseNumberError);
  });
});

describe('isCaseNumber', () => {
  it('accepts only the canonical form', () => {
    expect(isCaseNumber('2026-000123')).toBe(true);
    expect(isCaseNumber(' 2026-000123')).toBe(false);
    expect(isCaseNumber('#2026-000123')).toBe(false);
    expect(isCaseNumber('2026-000000')).toBe(false);
    expect(isCaseNumber('0000-000001')).toBe(false);
    expect(isCaseNumber('2026-1234567')).toBe(false);
  });
});

describe('findCaseNumberInText', () => {
  it.each([
    ['SV: Re: [Ärende 2026-000123] Snöröjning Storgatan', '2026-000123'],
    ['Fwd: VS: Ärende #2025-004567', '2025-004567'],
    ['RE:2026-000001', '2026-000001'],
    ['Ang. 2026\u2013000042 (tack!)', '2026-000042'],
    ['2026-000007 och 2026-000008', '2026-000007'],
    ['Ärende 2026-000000, egentligen 2026-000009', '2026-000009'],
  ])('finds the number in %p', (subject, expected) => {
    expect(findCaseNumberInText(subject)).toBe(expected);
  });

  it.each([
    'Snöröjning Storgatan',
    'Ring 08-1234567',
    'Faktura 2026-0001234',
    'Order 12026-000123',
    'Datum 2026-03-01',
    '',
  ])('finds nothing in %p', (subject) => {
    expect(findCaseNumberInText(subject)).toBeUndefined();
  });
});
