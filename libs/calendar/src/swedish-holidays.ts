/**
 * Swedish public holidays (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar, as amended in 2005 when
 * nationaldagen replaced annandag pingst) and the de facto days off that offices close on.
 *
 * The current list is applied to every year; dates before 2005 therefore do not follow the law of their time.
 */
import { dayNumberOf, isoDateOf, weekdayOf } from './civil-date.js';

/** `public`: an allmän helgdag by law; `de-facto`: not by law, but offices close (julafton, nyårsafton, midsommarafton). */
export type SwedishHolidayKind = 'public' | 'de-facto';

export interface SwedishHoliday {
  /** `YYYY-MM-DD` */
  date: string;
  /** Swedish name, lower case as written in running text: `påskdagen`, `midsommarafton`. */
  name: string;
  kind: SwedishHolidayKind;
}

/** First year of the Gregorian calendar; the Easter computus below is the Gregorian one. */
export const SWEDISH_HOLIDAYS_MIN_YEAR = 1583;
export const SWEDISH_HOLIDAYS_MAX_YEAR = 9999;

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < SWEDISH_HOLIDAYS_MIN_YEAR || year > SWEDISH_HOLIDAYS_MAX_YEAR) {
    throw new RangeError(
      `A holiday year must be an integer from ${SWEDISH_HOLIDAYS_MIN_YEAR} to ${SWEDISH_HOLIDAYS_MAX_YEAR}, got ${String(year)}`,
    );
  }
}

/** Day number of Easter Sunday: the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSundayDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

/** The Saturday in the seven days from `month`/`firstDay` on (midsommardagen, alla helgons dag). */
function saturdayFrom(year: number, month: number, firstDay: number): number {
  const first = dayNumberOf(year, month, firstDay);
  return first + ((6 - weekdayOf(first) + 7) % 7);
}

/** Easter Sunday (påskdagen) of a year as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  checkYear(year);
  return isoDateOf(easterSundayDay(year));
}

/** Holidays of a year keyed by day number; computed once per year. */
const byYear = new Map<number, ReadonlyMap<number, SwedishHoliday>>();

/** The Swedish holidays of a year by day number (for the calendar arithmetic, which works on day numbers). */
export function swedishHolidaysByDay(year: number): ReadonlyMap<number, SwedishHoliday> {
  const cached = byYear.get(year);
  if (cached) return cached;
  checkYear(year);
  const easter = easterSundayDay(year);
  const midsummer = saturdayFrom(year, 6, 20);
  const days: Array<[number, string, SwedishHolidayKind]> = [
    [dayNumberOf(year, 1, 1), 'nyårsdagen', 'public'],
    [dayNumberOf(year, 1, 6), 'trettondedag jul', 'public'],
    [easter - 2, 'långfredagen', 'public'],
    [easter, 'påskdagen', 'public'],
    [easter + 1, 'annandag påsk', 'public'],
    [dayNumberOf(year, 5, 1), 'första maj', 'public'],
    [easter + 39, 'Kristi himmelsfärdsdag', 'public'],
    [dayNumberOf(year, 6, 6), 'nationaldagen', 'public'],
    [easter + 49, 'pingstdagen', 'public'],
    [midsummer - 1, 'midsommarafton', 'de-facto'],
    [midsummer, 'midsommardagen', 'public'],
    [saturdayFrom(year, 10, 31), 'alla helgons dag', 'public'],
    [dayNumberOf(year, 12, 24), 'julafton', 'de-facto'],
    [dayNumberOf(year, 12, 25), 'juldagen', 'public'],
    [dayNumberOf(year, 12, 26), 'annandag jul', 'public'],
    [dayNumberOf(year, 12, 31), 'nyårsafton', 'de-facto'],
  ];
  // Two holidays can share a date (Kristi himmelsfärdsdag on första maj in 2008, pingstdagen on nationaldagen
  // when Easter is 18 April): the date is one day off either way, so it is listed once, under the fixed holiday.
  const map = new Map<number, SwedishHoliday>();
  for (const [day, name, kind] of days.sort((x, y) => x[0] - y[0])) {
    if (!map.has(day)) map.set(day, { date: isoDateOf(day), name, kind });
  }
  byYear.set(year, map);
  return map;
}

/**
 * The Swedish public holidays and de facto days off of a year, in date order, each with its Swedish name.
 * When two fall on one date (Kristi himmelsfärdsdag on första maj, as in 2008) the date is listed once.
 * @throws RangeError for a year outside 1583..9999 or not an integer.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return [...swedishHolidaysByDay(year).values()].map((holiday) => ({ ...holiday }));
}
