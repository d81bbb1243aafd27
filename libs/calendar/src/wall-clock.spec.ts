import { addLocalDays, localDateOf, nextWallClockTime } from './wall-clock.js';

describe('wall clock in Stockholm', () => {
  it('gives the local date, which is the next day in Stockholm before UTC midnight', () => {
    expect(localDateOf(new Date('2026-11-23T22:59:59Z'))).toBe('2026-11-23');
    expect(localDateOf(new Date('2026-11-23T23:00:00Z'))).toBe('2026-11-24');
    expect(localDateOf(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('finds the next 07:00 in winter and in summer time, strictly after the instant', () => {
    expect(nextWallClockTime(new Date('2026-11-23T05:00:00Z'), '07:00').toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(nextWallClockTime(new Date('2026-11-23T06:00:00Z'), '07:00').toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(nextWallClockTime(new Date('2026-06-10T06:00:00Z'), '07:00').toISOString()).toBe('2026-06-11T05:00:00.000Z');
  });

  it('keeps 07:00 on the wall clock over both changes of daylight saving time', () => {
    // 2026: clocks go forward on 29 March and back on 25 October.
    expect(nextWallClockTime(new Date('2026-03-28T06:00:00Z'), '07:00').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(nextWallClockTime(new Date('2026-10-24T05:00:00Z'), '07:00').toISOString()).toBe('2026-10-25T06:00:00.000Z');
    // 02:30 never happens on 29 March: the instant the clocks jump.
    expect(nextWallClockTime(new Date('2026-03-29T00:00:00Z'), '02:30').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('adds local days at the same wall-clock time: 23 and 25 hours over the changes', () => {
    const spring = addLocalDays(new Date('2026-03-28T09:00:00Z'), 1);
    expect(spring.toISOString()).toBe('2026-03-29T08:00:00.000Z');
    const autumn = addLocalDays(new Date('2026-10-24T08:00:00Z'), 1);
    expect(autumn.toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(addLocalDays(new Date('2026-11-23T09:00:00Z'), 14).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });
});
