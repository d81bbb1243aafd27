/**
 * Local dates and times of day in Stockholm, for what happens at a wall-clock time every day (the morning
 * follow-up report at 07:00) and for counting calendar days from an instant.
 */
import { CALENDAR_TIME_ZONE, minutesOfTimeOfDay } from './calendar-definition.js';
import { DAY_MS, MINUTE_MS, isoDateOf } from './civil-date.js';
import { TimeZoneClock } from './time-zone.js';

const clocks = new Map<string, TimeZoneClock>();
function clockOf(timeZone: string): TimeZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new TimeZoneClock(timeZone)));
  return clock;
}

/** The local date (`YYYY-MM-DD`) at an instant. */
export function localDateOf(at: Date, timeZone: string = CALENDAR_TIME_ZONE): string {
  return isoDateOf(Math.floor(clockOf(timeZone).wallTime(at.getTime()) / DAY_MS));
}

/**
 * The first instant strictly after `after` when the wall clock shows `time` (`HH:MM`). A time the clocks skip
 * in spring gives the instant they jumped; a time that occurs twice in autumn gives its first pass.
 */
export function nextWallClockTime(after: Date, time: string, timeZone: string = CALENDAR_TIME_ZONE): Date {
  const clock = clockOf(timeZone);
  const t = after.getTime();
  const day = Math.floor(clock.wallTime(t) / DAY_MS);
  const minutes = minutesOfTimeOfDay(time);
  for (let d = day; ; d++) {
    const utc = clock.toUtc(d * DAY_MS + minutes * MINUTE_MS);
    if (utc > t) return new Date(utc);
  }
}

/**
 * The instant `days` local calendar days after `at`, at the same wall-clock time (so a day across a change of
 * daylight saving time is 23 or 25 hours long).
 */
export function addLocalDays(at: Date, days: number, timeZone: string = CALENDAR_TIME_ZONE): Date {
  const clock = clockOf(timeZone);
  return new Date(clock.toUtc(clock.wallTime(at.getTime()) + days * DAY_MS));
}
