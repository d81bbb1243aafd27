/**
 * Wall-clock time in one IANA time zone, from the runtime's own time zone data through `Intl` (no network, no
 * tz database of our own). A "wall time" is the local date and time written as if it were UTC milliseconds, so
 * `Date.UTC(2026, 2, 29, 2, 30)` stands for 02:30 on 29 March 2026 on the clocks of the zone.
 *
 * `Intl` is slow (microseconds a call), so each year's offset changes are found once (a probe per day, then a
 * binary search to the minute) and every later lookup is a scan of at most a few transitions.
 */
import { DAY_MS, MINUTE_MS } from './civil-date.js';

interface YearOffsets {
  /** Offset (wall minus UTC, ms) at the first instant of the UTC year. */
  initial: number;
  /** Offset changes inside the UTC year, in order: from `at` (UTC ms) on the offset is `offset`. */
  transitions: Array<{ at: number; offset: number }>;
}

export class TimeZoneClock {
  private readonly formatter: Intl.DateTimeFormat;
  private readonly years = new Map<number, YearOffsets>();

  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Wall time minus UTC at an instant, in ms (3 600 000 for CET, 7 200 000 for CEST). */
  offsetAt(utc: number): number {
    const year = this.yearOffsets(new Date(utc).getUTCFullYear());
    let offset = year.initial;
    for (const transition of year.transitions) {
      if (utc < transition.at) break;
      offset = transition.offset;
    }
    return offset;
  }

  /** The wall time at an instant. */
  wallTime(utc: number): number {
    return utc + this.offsetAt(utc);
  }

  /**
   * The instant a wall time names. A wall time that occurs twice (the hour after 02:00 on the night clocks go
   * back) gives its first occurrence; one that never occurs (the hour the clocks skip in spring) gives the
   * instant the clocks jumped. Both keep later wall times at later (or equal) instants, which opening intervals
   * need: 02:00–03:00 on the night clocks go back lasts two hours, on the night they go forward none.
   */
  toUtc(wall: number): number {
    // Offsets are under a day, so these instants lie before and after every reading of the wall time.
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - before;
    if (before === after) return early;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    return this.firstTransitionAfter(Math.min(early, late));
  }

  private firstTransitionAfter(utc: number): number {
    const year = new Date(utc).getUTCFullYear();
    for (const y of [year, year + 1]) {
      for (const transition of this.yearOffsets(y).transitions) {
        if (transition.at > utc) return transition.at;
      }
    }
    throw new Error(`No offset change in ${this.timeZone} after ${new Date(utc).toISOString()}`);
  }

  private yearOffsets(year: number): YearOffsets {
    const cached = this.years.get(year);
    if (cached) return cached;
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    const initial = this.probe(start);
    const transitions: YearOffsets['transitions'] = [];
    let previous = initial;
    // A probe a day finds every change as long as a zone changes its offset at most once a day, as all do.
    for (let at = start + DAY_MS; at <= end; at += DAY_MS) {
      const offset = this.probe(at);
      if (offset === previous) continue;
      let low = at - DAY_MS;
      let high = at;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (this.probe(middle) === previous) low = middle;
        else high = middle;
      }
      if (high < end) transitions.push({ at: high, offset });
      previous = offset;
    }
    const offsets = { initial, transitions };
    this.years.set(year, offsets);
    return offsets;
  }

  private probe(utc: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(utc))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      parts['year'] ?? 0,
      (parts['month'] ?? 1) - 1,
      parts['day'] ?? 1,
      parts['hour'] ?? 0,
      parts['minute'] ?? 0,
      parts['second'] ?? 0,
    );
    return wall - Math.floor(utc / 1000) * 1000;
  }
}
