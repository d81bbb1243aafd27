import { caseSubject, retryDelayMs } from './message.service.js';

describe('caseSubject', () => {
  it('leads with the case number the way intake reads it back from a reply', () => {
    expect(caseSubject('2026-000123', 'Trasig gatlykta')).toBe('Ärende 2026-000123: Trasig gatlykta');
  });
  it('leaves a subject that names the case, or one without a case, alone', () => {
    expect(caseSubject('2026-000123', 'SV: Ärende 2026-000123')).toBe('SV: Ärende 2026-000123');
    expect(caseSubject(undefined, 'Dagsrapport')).toBe('Dagsrapport');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base with each attempt made, up to six hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(40, 30_000)).toBe(6 * 60 * 60 * 1000);
  });
});
