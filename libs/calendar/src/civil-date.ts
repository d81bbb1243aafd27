/**
 * Calendar dates without a time zone, counted as whole days since 1970-01-01 ("day numbers"), so that
 * stepping a day is `+ 1` and a weekday is a remainder.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Day number of a proleptic Gregorian date; `month` 1..12. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The year of a day number. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day number of a real `YYYY-MM-DD` date, or `undefined` when the text is not one (2026-02-30). */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayNumberOf(year, month, day);
  return isoDateOf(dayNumber) === text ? dayNumber : undefined;
}
