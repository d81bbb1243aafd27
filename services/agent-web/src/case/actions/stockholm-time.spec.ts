import { isoToStockholmInput, stockholmInputToIso } from './stockholm-time';

describe('stockholmInputToIso', () => {
  it('reads a winter time as UTC+1 and a summer time as UTC+2', () => {
    expect(stockholmInputToIso('2026-12-05T08:00')).toBe('2026-12-05T07:00:00.000Z');
    expect(stockholmInputToIso('2030-05-02T09:30')).toBe('2030-05-02T07:30:00.000Z');
  });

  it('handles the hours around the spring change', () => {
    expect(stockholmInputToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(stockholmInputToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('gives nothing for an empty or partial value', () => {
    expect(stockholmInputToIso('')).toBeUndefined();
    expect(stockholmInputToIso('2026-12-05')).toBeUndefined();
  });
});

describe('isoToStockholmInput', () => {
  it('gives the Stockholm wall-clock time, in winter and in summer, back and forth', () => {
    expect(isoToStockholmInput('2026-12-05T07:00:00.000Z')).toBe('2026-12-05T08:00');
    expect(isoToStockholmInput('2030-05-02T07:30:00Z')).toBe('2030-05-02T09:30');
    expect(stockholmInputToIso(isoToStockholmInput('2026-03-29T01:30:00.000Z'))).toBe('2026-03-29T01:30:00.000Z');
  });
});
