/**
 * Business-hours arithmetic on a calendar: is it open, when does it open, the deadline `minutes` business
 * minutes after a start, and the business minutes between two instants.
 *
 * Each local day's opening intervals are turned into UTC instants once and cached, so the arithmetic steps
 * from interval to interval and from day to day, never minute by minute, and daylight saving time is handled
 * once, where a wall time becomes an instant (see `TimeZoneClock.toUtc`).
 */
import { z } from 'zod';
import {
  BusinessCalendarDefinitionSchema,
  WEEKDAYS,
  minutesOfTimeOfDay,
  type BusinessCalendarDefinition,
  type DayHours,
  type OpeningInterval,
} from './calendar-definition.js';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoDateOf, parseIsoDate, weekdayOf, yearOf } from './civil-date.js';
import { swedishHolidaysByDay, type SwedishHoliday } from './swedish-holidays.js';
import { TimeZoneClock } from './time-zone.js';

/** `DEFINITION`: the calendar definition is invalid; `ARGUMENT`: a bad instant, date or minute count;
 * `NEVER_OPEN`: no opening hours were found where some had to be (every day closed for over a year). */
export type BusinessCalendarErrorReason = 'DEFINITION' | 'ARGUMENT' | 'NEVER_OPEN';

export class BusinessCalendarError extends Error {
  constructor(
    readonly reason: BusinessCalendarErrorReason,
    message: string,
    /** For `DEFINITION`: what was wrong where, as zod reports it. */
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.name = 'BusinessCalendarError';
  }
}

/** A stretch of time during which an SLA clock runs; `end` is not included. */
export interface RunningInterval {
  start: Date;
  end: Date;
}

/** What a date looks like on a calendar: its opening hours and why they differ from the weekday's, if they do. */
export interface CalendarDay {
  /** `YYYY-MM-DD` */
  date: string;
  hours: OpeningInterval[];
  /** The Swedish holiday on the date, whether or not the calendar closes for it. */
  holiday?: SwedishHoliday;
  /** Set when an exception decides the date's hours. */
  exception?: { note?: string };
}

/** Instants the arithmetic accepts: years 1900 to 9000, well inside the holiday and Date ranges. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9000, 0, 1);
/** More than a year of closed days in a row, after every exception, means the calendar never opens. */
const CLOSED_DAYS_BEFORE_GIVING_UP = 400;
/** Cached days per calendar before the cache starts over (some 30 years). */
const DAY_CACHE_LIMIT = 11_000;

function toMinutePairs(hours: DayHours): number[] {
  return hours.flatMap((interval) => [minutesOfTimeOfDay(interval.from), minutesOfTimeOfDay(interval.to)]);
}

function fromMinutePairs(pairs: readonly number[]): OpeningInterval[] {
  const hours: OpeningInterval[] = [];
  const time = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (let i = 0; i < pairs.length; i += 2) hours.push({ from: time(pairs[i]), to: time(pairs[i + 1]) });
  return hours;
}

export class BusinessCalendar {
  private readonly clock: TimeZoneClock;
  /** Per weekday (0 = Sunday), minutes after midnight as [from, to, from, to, …]. */
  private readonly weekly: ReadonlyArray<readonly number[]>;
  private readonly exceptions: ReadonlyMap<number, { pairs: readonly number[]; note?: string }>;
  private readonly closedDaysBeforeGivingUp: number;
  /** Per local day number, the day's opening intervals as UTC ms [start, end, start, end, …]. */
  private readonly days = new Map<number, readonly number[]>();
  /** Per year, running totals of business ms by day, for spans of many days. */
  private readonly yearTotals = new Map<number, Float64Array>();

  private constructor(readonly definition: BusinessCalendarDefinition) {
    this.clock = new TimeZoneClock(definition.timeZone);
    this.weekly = WEEKDAYS.map((weekday) => toMinutePairs(definition.weeklyHours[weekday]));
    this.exceptions = new Map(
      definition.exceptions.map((exception) => [
        parseIsoDate(exception.date)!,
        { pairs: toMinutePairs(exception.hours), note: exception.note },
      ]),
    );
    this.closedDaysBeforeGivingUp = CLOSED_DAYS_BEFORE_GIVING_UP + definition.exceptions.length;
  }

  /**
   * Validates a definition (`BusinessCalendarDefinitionSchema`) and builds the calendar. Build one per stored
   * definition and keep it: it caches each day's hours.
   * @throws BusinessCalendarError `DEFINITION` with the zod issues.
   */
  static fromDefinition(input: unknown): BusinessCalendar {
    const parsed = BusinessCalendarDefinitionSchema.safeParse(input);
    if (!parsed.success) {
      throw new BusinessCalendarError(
        'DEFINITION',
        `Invalid business calendar: ${z.prettifyError(parsed.error)}`,
        parsed.error.issues,
      );
    }
    return new BusinessCalendar(parsed.data);
  }

  /** True when `at` falls inside an opening interval (its start included, its end not). */
  isOpen(at: Date): boolean {
    const t = this.instant(at, 'at');
    const openings = this.openings(this.dayOf(t));
    for (let i = 0; i < openings.length; i += 2) {
      if (openings[i] <= t && t < openings[i + 1]) return true;
    }
    return false;
  }

  /** The first instant at or after `at` when the calendar is open: `at` itself when open. */
  nextOpening(at: Date): Date {
    const t = this.instant(at, 'at');
    let closedDays = 0;
    for (let day = this.dayOf(t); ; day++) {
      const openings = this.openings(day);
      for (let i = 0; i < openings.length; i += 2) {
        if (openings[i + 1] > t) return new Date(Math.max(openings[i], t));
      }
      this.giveUpAfter(++closedDays);
    }
  }

  /**
   * The deadline: the instant when `minutes` business minutes have passed since `start`. Time outside opening
   * hours does not count, so a start on a closed day counts from the next opening. A deadline that uses up an
   * interval exactly is that interval's end (Friday 16:30, not Monday 08:00). `minutes` 0 gives `start`.
   * @throws BusinessCalendarError `ARGUMENT` for an invalid instant or a minute count that is not a whole number ≥ 0.
   */
  addBusinessMinutes(start: Date, minutes: number): Date {
    const t = this.instant(start, 'start');
    if (!Number.isSafeInteger(minutes) || minutes < 0) {
      throw new BusinessCalendarError('ARGUMENT', `minutes must be a whole number ≥ 0, got ${String(minutes)}`);
    }
    if (minutes === 0) return new Date(t);
    let remaining = minutes * MINUTE_MS;
    let closedDays = 0;
    for (let day = this.dayOf(t); ; day++) {
      const openings = this.openings(day);
      let counted = false;
      for (let i = 0; i < openings.length; i += 2) {
        const end = openings[i + 1];
        if (end <= t) continue;
        const from = Math.max(openings[i], t);
        if (remaining <= end - from) return this.instantResult(from + remaining);
        remaining -= end - from;
        counted = true;
      }
      closedDays = counted ? 0 : closedDays + 1;
      this.giveUpAfter(closedDays);
    }
  }

  /**
   * Business minutes from `a` to `b` (whole minutes, seconds dropped); negative when `b` is before `a`.
   * `businessMinutesBetween(a, addBusinessMinutes(a, m))` is `m`.
   */
  businessMinutesBetween(a: Date, b: Date): number {
    const from = this.instant(a, 'a');
    const to = this.instant(b, 'b');
    return to >= from
      ? Math.floor(this.businessMs(from, to) / MINUTE_MS)
      : -Math.floor(this.businessMs(to, from) / MINUTE_MS);
  }

  /**
   * Business minutes over the stretches an SLA clock ran (the clock pauses while the case waits for the
   * customer, so the stretches are the times it did not). Overlapping stretches count once; pass the current
   * instant as the `end` of a stretch still running. Whole minutes, seconds dropped from the total.
   * @throws BusinessCalendarError `ARGUMENT` for an invalid instant or a stretch that ends before it starts.
   */
  sumBusinessMinutes(intervals: readonly RunningInterval[]): number {
    const stretches = intervals
      .map((interval, index) => {
        const start = this.instant(interval.start, `intervals[${index}].start`);
        const end = this.instant(interval.end, `intervals[${index}].end`);
        if (end < start) {
          throw new BusinessCalendarError('ARGUMENT', `intervals[${index}] ends before it starts`);
        }
        return [start, end] as const;
      })
      .sort((x, y) => x[0] - y[0]);
    let total = 0;
    let covered = -Infinity;
    for (const [start, end] of stretches) {
      const from = Math.max(start, covered);
      if (end > from) total += this.businessMs(from, end);
      covered = Math.max(covered, end);
    }
    return Math.floor(total / MINUTE_MS);
  }

  /**
   * The hours of a date (`YYYY-MM-DD`) on this calendar, with the holiday or exception behind them.
   * @throws BusinessCalendarError `ARGUMENT` when `date` is not a real date in the supported years.
   */
  day(date: string): CalendarDay {
    const day = parseIsoDate(date);
    if (day === undefined || day * DAY_MS < EARLIEST || day * DAY_MS >= LATEST) {
      throw new BusinessCalendarError('ARGUMENT', `date must be a real date YYYY-MM-DD from 1900 to 8999`);
    }
    const exception = this.exceptions.get(day);
    const holiday = swedishHolidaysByDay(yearOf(day)).get(day);
    return {
      date: isoDateOf(day),
      hours: fromMinutePairs(this.localHours(day)),
      ...(holiday ? { holiday: { ...holiday } } : {}),
      ...(exception ? { exception: exception.note === undefined ? {} : { note: exception.note } } : {}),
    };
  }

  private businessMs(from: number, to: number): number {
    const firstDay = this.dayOf(from);
    const lastDay = this.dayOf(to);
    if (lastDay - firstDay <= 2) {
      let total = 0;
      for (let day = firstDay; day <= lastDay; day++) total += this.openMsOfDay(day, from, to);
      return total;
    }
    return (
      this.openMsOfDay(firstDay, from, to) +
      this.wholeDaysMs(firstDay + 1, lastDay) +
      this.openMsOfDay(lastDay, from, to)
    );
  }

  /** Business ms of one day between `from` and `to`. */
  private openMsOfDay(day: number, from: number, to: number): number {
    let total = 0;
    const openings = this.openings(day);
    for (let i = 0; i < openings.length; i += 2) {
      const start = Math.max(openings[i], from);
      const end = Math.min(openings[i + 1], to);
      if (end > start) total += end - start;
    }
    return total;
  }

  /** Business ms of the whole days `fromDay` up to (not including) `toDay`, from per-year running totals. */
  private wholeDaysMs(fromDay: number, toDay: number): number {
    let total = 0;
    for (let day = fromDay; day < toDay;) {
      const year = yearOf(day);
      const firstOfYear = dayNumberOf(year, 1, 1);
      const sums = this.runningTotals(year, firstOfYear);
      const end = Math.min(toDay, firstOfYear + sums.length - 1);
      total += sums[end - firstOfYear] - sums[day - firstOfYear];
      day = end;
    }
    return total;
  }

  /** `[i]`: business ms of the year's first `i` days. Exact: whole ms stay far below 2^53. */
  private runningTotals(year: number, firstOfYear: number): Float64Array {
    const cached = this.yearTotals.get(year);
    if (cached) return cached;
    const days = dayNumberOf(year + 1, 1, 1) - firstOfYear;
    const sums = new Float64Array(days + 1);
    for (let i = 0; i < days; i++) {
      sums[i + 1] = sums[i] + this.openMsOfDay(firstOfYear + i, -Infinity, Infinity);
    }
    this.yearTotals.set(year, sums);
    return sums;
  }

  /** Opening minutes of a local day: the exception's, none on a holiday the calendar closes for, else the weekday's. */
  private localHours(day: number): readonly number[] {
    const exception = this.exceptions.get(day);
    if (exception) return exception.pairs;
    const holiday = swedishHolidaysByDay(yearOf(day)).get(day);
    if (holiday) {
      const closes =
        holiday.kind === 'public' ? this.definition.closedOnPublicHolidays : this.definition.closedOnDeFactoHolidays;
      if (closes) return [];
    }
    return this.weekly[weekdayOf(day)];
  }

  private openings(day: number): readonly number[] {
    const cached = this.days.get(day);
    if (cached) return cached;
    const midnight = day * DAY_MS;
    const openings: number[] = [];
    const hours = this.localHours(day);
    for (let i = 0; i < hours.length; i += 2) {
      const start = this.clock.toUtc(midnight + hours[i] * MINUTE_MS);
      const end = this.clock.toUtc(midnight + hours[i + 1] * MINUTE_MS);
      // An interval wholly inside the hour the clocks skip does not exist.
      if (end > start) openings.push(start, end);
    }
    if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
    this.days.set(day, openings);
    return openings;
  }

  private dayOf(utc: number): number {
    return Math.floor(this.clock.wallTime(utc) / DAY_MS);
  }

  private instant(value: Date, name: string): number {
    // A tag check rather than instanceof, so Dates from another realm (a vm context, a worker) pass too.
    const t = Object.prototype.toString.call(value) === '[object Date]' ? value.getTime() : NaN;
    if (!(t >= EARLIEST && t < LATEST)) {
      throw new BusinessCalendarError('ARGUMENT', `${name} must be a valid Date from 1900 to 8999`);
    }
    return t;
  }

  private instantResult(t: number): Date {
    if (t >= LATEST) throw new BusinessCalendarError('ARGUMENT', 'the result lies after 8999');
    return new Date(t);
  }

  private giveUpAfter(closedDays: number): void {
    if (closedDays > this.closedDaysBeforeGivingUp) {
      throw new BusinessCalendarError(
        'NEVER_OPEN',
        `The calendar has no opening hours in ${closedDays} days in a row; check its exceptions`,
      );
    }
  }
}
