import { TimeZoneClock } from './time-zone.js';

const HOUR = 3_600_000;
const stockholm = new TimeZoneClock('Europe/Stockholm');
const utc = (text: string) => Date.parse(text);
const wall = (text: string) => Date.parse(`${text}Z`);

describe('TimeZoneClock', () => {
  it.each([
    // The last Sundays of March and October, 01:00 UTC (published EU summer-time dates).
    ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z'],
    ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'],
    ['2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'],
    ['2028-03-26T01:00:00Z', '2028-10-29T01:00:00Z'],
  ])('changes the Stockholm offset at %s and %s', (spring, autumn) => {
    expect(stockholm.offsetAt(utc(spring) - 1)).toBe(HOUR);
    expect(stockholm.offsetAt(utc(spring))).toBe(2 * HOUR);
    expect(stockholm.offsetAt(utc(autumn) - 1)).toBe(2 * HOUR);
    expect(stockholm.offsetAt(utc(autumn))).toBe(HOUR);
  });

  it('reads wall times, resolving the skipped hour to the jump and the repeated hour to its first pass', () => {
    expect(stockholm.toUtc(wall('2026-11-23T08:00:00'))).toBe(utc('2026-11-23T07:00:00Z'));
    expect(stockholm.toUtc(wall('2026-07-01T08:00:00'))).toBe(utc('2026-07-01T06:00:00Z'));
    expect(stockholm.toUtc(wall('2026-03-29T01:59:00'))).toBe(utc('2026-03-29T00:59:00Z'));
    expect(stockholm.toUtc(wall('2026-03-29T02:00:00'))).toBe(utc('2026-03-29T01:00:00Z'));
    expect(stockholm.toUtc(wall('2026-03-29T02:30:00'))).toBe(utc('2026-03-29T01:00:00Z'));
    expect(stockholm.toUtc(wall('2026-03-29T03:00:00'))).toBe(utc('2026-03-29T01:00:00Z'));
    expect(stockholm.toUtc(wall('2026-03-29T03:01:00'))).toBe(utc('2026-03-29T01:01:00Z'));
    expect(stockholm.toUtc(wall('2026-10-25T01:59:00'))).toBe(utc('2026-10-24T23:59:00Z'));
    expect(stockholm.toUtc(wall('2026-10-25T02:30:00'))).toBe(utc('2026-10-25T00:30:00Z'));
    expect(stockholm.toUtc(wall('2026-10-25T03:00:00'))).toBe(utc('2026-10-25T02:00:00Z'));
  });

  it('round-trips every quarter hour of 2026 that exists once on the wall clock', () => {
    for (let t = utc('2026-01-01T00:00:00Z'); t < utc('2027-01-01T00:00:00Z'); t += HOUR / 4) {
      const repeated = t >= utc('2026-10-25T01:00:00Z') && t < utc('2026-10-25T02:00:00Z');
      if (!repeated) expect(stockholm.toUtc(stockholm.wallTime(t))).toBe(t);
    }
  });

  it('works for other zones too (New York, 2026: 8 March and 1 November)', () => {
    const newYork = new TimeZoneClock('America/New_York');
    expect(newYork.offsetAt(utc('2026-03-08T07:00:00Z') - 1)).toBe(-5 * HOUR);
    expect(newYork.offsetAt(utc('2026-03-08T07:00:00Z'))).toBe(-4 * HOUR);
    expect(newYork.offsetAt(utc('2026-11-01T06:00:00Z') - 1)).toBe(-4 * HOUR);
    expect(newYork.offsetAt(utc('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR);
    expect(newYork.toUtc(wall('2026-03-08T02:30:00'))).toBe(utc('2026-03-08T07:00:00Z'));
  });
});
