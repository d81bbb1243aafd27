import { stockholmYear } from './stockholm-time.js';

describe('stockholmYear', () => {
  it('is already the new year in Sweden when UTC is still on New Year’s Eve', () => {
    expect(stockholmYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(stockholmYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });

  it('is the same year in the middle of the year', () => {
    expect(stockholmYear(new Date('2026-06-15T12:00:00Z'))).toBe(2026);
  });
});
