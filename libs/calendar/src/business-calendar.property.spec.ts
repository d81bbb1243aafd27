import { PUBLISHED_HOLIDAYS } from '../test/published-holidays.js';
import { BusinessCalendar } from './business-calendar.js';
import { WEEKDAYS, type BusinessCalendarDefinitionInput, type DayHours } from './calendar-definition.js';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 11, 1);
// The 2025–2028 changes of Swedish clocks, at 01:00 UTC on the last Sundays of March and October.
const CLOCK_CHANGES = [
  '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25',
  '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29',
].map((date) => Date.parse(`${date}T01:00:00Z`)); // prettier-ignore

function daily(hours: DayHours): BusinessCalendarDefinitionInput['weeklyHours'] {
  return Object.fromEntries(WEEKDAYS.map((weekday) => [weekday, hours]));
}

const WEEKDAY: DayHours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '16:30' },
];
const DEFINITIONS: Record<string, BusinessCalendarDefinitionInput> = {
  office: {
    weeklyHours: { monday: WEEKDAY, tuesday: WEEKDAY, wednesday: WEEKDAY, thursday: WEEKDAY, friday: WEEKDAY },
  },
  // Opening boundaries around the hours the clocks change, every day, holidays included.
  night: {
    weeklyHours: daily([
      { from: '00:30', to: '01:45' },
      { from: '02:00', to: '03:00' },
      { from: '03:30', to: '05:00' },
      { from: '08:00', to: '17:00' },
    ]),
    closedOnPublicHolidays: false,
    closedOnDeFactoHolidays: false,
  },
  always: {
    weeklyHours: daily([{ from: '00:00', to: '24:00' }]),
    closedOnDeFactoHolidays: false,
  },
};

/** Half the instants near a clock change, half anywhere in 2025–2028; whole minutes or with seconds. */
function instants(random: () => number, count: number): Date[] {
  return Array.from({ length: count }, () => {
    const base =
      random() < 0.5
        ? CLOCK_CHANGES[Math.floor(random() * CLOCK_CHANGES.length)] + Math.floor((random() - 0.5) * 48) * HOUR
        : FROM + Math.floor(random() * (TO - FROM));
    const minute = Math.floor(base / MINUTE) * MINUTE;
    return new Date(random() < 0.8 ? minute : minute + Math.floor(random() * MINUTE));
  });
}

// The reference: Stockholm wall clock from Intl and the hand-written holiday table, nothing of the code under test.
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  weekday: 'long',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const holidays = new Map(
  Object.values(PUBLISHED_HOLIDAYS)
    .flat()
    .map(([date, name]) => [date, ['julafton', 'nyårsafton', 'midsommarafton'].includes(name) ? 'de-facto' : 'public']),
);

function referenceIsOpen(definition: BusinessCalendarDefinitionInput, at: Date): boolean {
  const parts = Object.fromEntries(wallClock.formatToParts(at).map((part) => [part.type, part.value]));
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const kind = holidays.get(date);
  if (kind === 'public' && definition.closedOnPublicHolidays !== false) return false;
  if (kind === 'de-facto' && definition.closedOnDeFactoHolidays !== false) return false;
  const minutes = Number(parts['hour']) * 60 + Number(parts['minute']);
  const hours = definition.weeklyHours[parts['weekday'].toLowerCase() as keyof typeof definition.weeklyHours] ?? [];
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  return hours.some((interval) => toMinutes(interval.from) <= minutes && minutes < toMinutes(interval.to));
}

describe.each(Object.entries(DEFINITIONS))('BusinessCalendar properties, %s calendar', (name, definition) => {
  const calendar = BusinessCalendar.fromDefinition(definition);
  const seed = [...name].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7);

  it('counts back exactly the minutes it added: businessMinutesBetween(a, addBusinessMinutes(a, m)) === m', () => {
    const random = seeded(seed);
    for (const a of instants(random, 2_000)) {
      const minutes = random() < 0.1 ? 0 : Math.floor(random() ** 2 * 30_000);
      const deadline = calendar.addBusinessMinutes(a, minutes);
      expect({ a, minutes, counted: calendar.businessMinutesBetween(a, deadline) }).toEqual({
        a,
        minutes,
        counted: minutes,
      });
      if (minutes > 0) {
        // The deadline is the end of a business minute: open just before it, and one more minute is later.
        expect(calendar.isOpen(new Date(deadline.getTime() - 1))).toBe(true);
        expect(calendar.addBusinessMinutes(a, minutes + 1).getTime()).toBeGreaterThan(deadline.getTime());
      }
    }
  });

  it('adds up: between(a, c) === between(a, b) + between(b, c) for whole-minute a ≤ b ≤ c up to 60 days apart', () => {
    const random = seeded(seed + 1);
    for (let i = 0; i < 1_000; i++) {
      const a = Math.floor(instants(random, 1)[0].getTime() / MINUTE) * MINUTE;
      const b = a + Math.floor(random() * 30 * 24 * 60) * MINUTE;
      const c = b + Math.floor(random() * 30 * 24 * 60) * MINUTE;
      const between = (x: number, y: number) => calendar.businessMinutesBetween(new Date(x), new Date(y));
      expect(between(a, c)).toBe(between(a, b) + between(b, c));
    }
  });

  it('agrees with the Stockholm wall clock and the published holidays on whether it is open', () => {
    const random = seeded(seed + 2);
    for (const at of instants(random, 5_000)) {
      expect({ at, open: calendar.isOpen(at) }).toEqual({ at, open: referenceIsOpen(definition, at) });
    }
  });

  it('matches a minute-by-minute count against the wall clock over random spans of up to two days', () => {
    const random = seeded(seed + 3);
    for (const start of instants(random, 40)) {
      const a = Math.floor(start.getTime() / MINUTE) * MINUTE;
      const b = a + Math.floor(random() * 48 * 60) * MINUTE;
      let open = 0;
      for (let t = a; t < b; t += MINUTE) if (referenceIsOpen(definition, new Date(t))) open++;
      expect({ a: new Date(a), counted: calendar.businessMinutesBetween(new Date(a), new Date(b)) }).toEqual({
        a: new Date(a),
        counted: open,
      });
    }
  });

  it('counts spans of up to 400 days (per-year running totals) the same as day by day', () => {
    const random = seeded(seed + 5);
    for (const start of instants(random, 30)) {
      const a = Math.floor(start.getTime() / MINUTE) * MINUTE;
      const b = a + Math.floor(random() * 400 * 24 * 60) * MINUTE;
      let dayByDay = 0;
      for (let t = a; t < b; t += 24 * 60 * MINUTE) {
        dayByDay += calendar.businessMinutesBetween(new Date(t), new Date(Math.min(t + 24 * 60 * MINUTE, b)));
      }
      expect(calendar.businessMinutesBetween(new Date(a), new Date(b))).toBe(dayByDay);
    }
  });

  it('finds as next opening an open instant with nothing open before it', () => {
    const random = seeded(seed + 4);
    for (const at of instants(random, 1_000)) {
      const next = calendar.nextOpening(at);
      expect(calendar.isOpen(next)).toBe(true);
      expect(calendar.businessMinutesBetween(at, next)).toBe(0);
      expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
    }
  });
});
