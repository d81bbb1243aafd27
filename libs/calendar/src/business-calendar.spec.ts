import { BusinessCalendar, BusinessCalendarError } from './business-calendar.js';
import type { BusinessCalendarDefinitionInput, DayHours } from './calendar-definition.js';

// Instants are written with their Stockholm offset (+01:00 winter, +02:00 summer), so no expected value goes
// through the code's own time zone conversion.
const at = (text: string) => new Date(text);

const WEEKDAY: DayHours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '16:30' },
];
const FRIDAY: DayHours = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '15:00' },
];
const OFFICE: BusinessCalendarDefinitionInput = {
  weeklyHours: { monday: WEEKDAY, tuesday: WEEKDAY, wednesday: WEEKDAY, thursday: WEEKDAY, friday: FRIDAY },
};
/** Monday–Thursday 7 h 30 min, Friday 6 h. */
const WEEK_MINUTES = 4 * 450 + 360;
const ALL_DAY: DayHours = [{ from: '00:00', to: '24:00' }];
const ALWAYS: BusinessCalendarDefinitionInput = {
  weeklyHours: {
    monday: ALL_DAY,
    tuesday: ALL_DAY,
    wednesday: ALL_DAY,
    thursday: ALL_DAY,
    friday: ALL_DAY,
    saturday: ALL_DAY,
    sunday: ALL_DAY,
  },
  closedOnPublicHolidays: false,
  closedOnDeFactoHolidays: false,
};

const office = BusinessCalendar.fromDefinition(OFFICE);

function withExceptions(
  base: BusinessCalendarDefinitionInput,
  exceptions: NonNullable<BusinessCalendarDefinitionInput['exceptions']>,
) {
  return BusinessCalendar.fromDefinition({ ...base, exceptions });
}

function errorOf(action: () => unknown): BusinessCalendarError {
  try {
    action();
  } catch (error) {
    if (error instanceof BusinessCalendarError) return error;
    throw error;
  }
  throw new Error('expected a BusinessCalendarError');
}

describe('BusinessCalendar opening hours', () => {
  it('is open inside the intervals, start included and end not', () => {
    expect(office.isOpen(at('2026-11-23T07:59:59+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-11-23T08:00:00+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-11-23T11:59:00+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-11-23T12:00:00+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-11-23T13:00:00+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-11-23T16:29:00+01:00'))).toBe(true);
    expect(office.isOpen(at('2026-11-23T16:30:00+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-11-27T15:30:00+01:00'))).toBe(false);
    expect(office.isOpen(at('2026-11-28T10:00:00+01:00'))).toBe(false);
  });

  it('finds the next opening: itself when open, after lunch, after the weekend, after Easter', () => {
    expect(office.nextOpening(at('2026-11-23T09:17:00+01:00'))).toEqual(at('2026-11-23T09:17:00+01:00'));
    expect(office.nextOpening(at('2026-11-23T12:10:00+01:00'))).toEqual(at('2026-11-23T13:00:00+01:00'));
    expect(office.nextOpening(at('2026-11-27T15:00:00+01:00'))).toEqual(at('2026-11-30T08:00:00+01:00'));
    expect(office.nextOpening(at('2026-11-28T03:00:00+01:00'))).toEqual(at('2026-11-30T08:00:00+01:00'));
    expect(office.nextOpening(at('2026-04-02T17:00:00+02:00'))).toEqual(at('2026-04-07T08:00:00+02:00'));
  });

  it('describes a day with the holiday or exception behind its hours', () => {
    const calendar = withExceptions(OFFICE, [
      { date: '2027-01-05', hours: [{ from: '08:00', to: '12:00' }], note: 'Trettondagsafton' },
    ]);
    expect(calendar.day('2026-11-23')).toEqual({ date: '2026-11-23', hours: WEEKDAY });
    expect(calendar.day('2026-04-06')).toEqual({
      date: '2026-04-06',
      hours: [],
      holiday: { date: '2026-04-06', name: 'annandag påsk', kind: 'public' },
    });
    expect(calendar.day('2027-01-05')).toEqual({
      date: '2027-01-05',
      hours: [{ from: '08:00', to: '12:00' }],
      exception: { note: 'Trettondagsafton' },
    });
    expect(BusinessCalendar.fromDefinition(ALWAYS).day('2026-12-24')).toEqual({
      date: '2026-12-24',
      hours: ALL_DAY,
      holiday: { date: '2026-12-24', name: 'julafton', kind: 'de-facto' },
    });
    expect(errorOf(() => calendar.day('2026-02-30')).reason).toBe('ARGUMENT');
  });
});

describe('BusinessCalendar.addBusinessMinutes', () => {
  it('gives the start itself for 0 minutes, even outside opening hours', () => {
    expect(office.addBusinessMinutes(at('2026-11-28T10:00:00+01:00'), 0)).toEqual(at('2026-11-28T10:00:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-23T09:00:00+01:00'), 0)).toEqual(at('2026-11-23T09:00:00+01:00'));
  });

  it('skips lunch, and ends a deadline that uses up an interval at its end', () => {
    expect(office.addBusinessMinutes(at('2026-11-23T11:30:00+01:00'), 60)).toEqual(at('2026-11-23T13:30:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-23T11:30:00+01:00'), 30)).toEqual(at('2026-11-23T12:00:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-27T14:00:00+01:00'), 60)).toEqual(at('2026-11-27T15:00:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-27T14:00:00+01:00'), 61)).toEqual(at('2026-11-30T08:01:00+01:00'));
  });

  it('counts a start outside opening hours from the next opening', () => {
    expect(office.addBusinessMinutes(at('2026-11-28T10:00:00+01:00'), 45)).toEqual(at('2026-11-30T08:45:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-23T06:12:34+01:00'), 1)).toEqual(at('2026-11-23T08:01:00+01:00'));
    expect(office.addBusinessMinutes(at('2026-11-23T19:00:00+01:00'), 240)).toEqual(at('2026-11-24T12:00:00+01:00'));
  });

  it('keeps the seconds of the start', () => {
    expect(office.addBusinessMinutes(at('2026-11-23T09:00:30+01:00'), 10)).toEqual(at('2026-11-23T09:10:30+01:00'));
  });

  it('skips Easter: långfredagen to annandag påsk, and lands in summer time', () => {
    expect(office.addBusinessMinutes(at('2026-04-02T16:00:00+02:00'), 60)).toEqual(at('2026-04-07T08:30:00+02:00'));
  });

  it('skips midsommarafton unless the calendar works on de facto days off', () => {
    expect(office.addBusinessMinutes(at('2026-06-18T16:00:00+02:00'), 60)).toEqual(at('2026-06-22T08:30:00+02:00'));
    const open = BusinessCalendar.fromDefinition({ ...OFFICE, closedOnDeFactoHolidays: false });
    expect(open.addBusinessMinutes(at('2026-06-18T16:00:00+02:00'), 60)).toEqual(at('2026-06-19T08:30:00+02:00'));
  });

  it('works through public holidays when told to', () => {
    const open = BusinessCalendar.fromDefinition({ ...OFFICE, closedOnPublicHolidays: false });
    expect(open.addBusinessMinutes(at('2026-04-02T16:00:00+02:00'), 60)).toEqual(at('2026-04-03T08:30:00+02:00'));
  });

  it('skips julafton, juldagen and the weekend', () => {
    expect(office.addBusinessMinutes(at('2026-12-23T16:00:00+01:00'), 60)).toEqual(at('2026-12-28T08:30:00+01:00'));
  });

  it('runs deadlines over several weeks, across Christmas', () => {
    expect(office.addBusinessMinutes(at('2026-11-23T08:00:00+01:00'), 3 * WEEK_MINUTES)).toEqual(
      at('2026-12-11T15:00:00+01:00'),
    );
    expect(office.addBusinessMinutes(at('2026-11-23T08:00:00+01:00'), 3 * WEEK_MINUTES + 1)).toEqual(
      at('2026-12-14T08:01:00+01:00'),
    );
    // 14–18 Dec a full week, 21–23 Dec three days (24 and 25 closed), 28 Dec a day, then 360 minutes on 29 Dec.
    expect(office.addBusinessMinutes(at('2026-12-14T08:00:00+01:00'), 2 * WEEK_MINUTES)).toEqual(
      at('2026-12-29T15:00:00+01:00'),
    );
  });

  it('honours exceptions: a closed date and a short day before a holiday', () => {
    const calendar = withExceptions(OFFICE, [
      { date: '2026-11-24', hours: [], note: 'Personaldag' },
      { date: '2027-01-05', hours: [{ from: '08:00', to: '12:00' }] },
    ]);
    expect(calendar.isOpen(at('2026-11-24T10:00:00+01:00'))).toBe(false);
    expect(calendar.addBusinessMinutes(at('2026-11-23T16:00:00+01:00'), 60)).toEqual(at('2026-11-25T08:30:00+01:00'));
    // 60 minutes left on trettondagsafton, trettondedag jul closed, the rest on Thursday.
    expect(calendar.addBusinessMinutes(at('2027-01-05T11:00:00+01:00'), 120)).toEqual(at('2027-01-07T09:00:00+01:00'));
  });

  it('lets an exception open a holiday', () => {
    const calendar = withExceptions(OFFICE, [{ date: '2026-04-06', hours: [{ from: '10:00', to: '14:00' }] }]);
    expect(calendar.isOpen(at('2026-04-06T11:00:00+02:00'))).toBe(true);
    expect(calendar.addBusinessMinutes(at('2026-04-02T16:00:00+02:00'), 60)).toEqual(at('2026-04-06T10:30:00+02:00'));
  });

  it('refuses a bad start or minute count', () => {
    expect(errorOf(() => office.addBusinessMinutes(new Date(Number.NaN), 10)).reason).toBe('ARGUMENT');
    expect(errorOf(() => office.addBusinessMinutes('2026-11-23' as unknown as Date, 10)).reason).toBe('ARGUMENT');
    expect(errorOf(() => office.isOpen(at('1899-12-31T12:00:00Z'))).reason).toBe('ARGUMENT');
    expect(errorOf(() => office.businessMinutesBetween(at('2026-11-23T09:00:00Z'), new Date(Number.NaN))).message).toBe(
      'b must be a valid Date from 1900 to 8999',
    );
    expect(errorOf(() => office.addBusinessMinutes(at('2026-11-23T09:00:00+01:00'), -1)).reason).toBe('ARGUMENT');
    expect(errorOf(() => office.addBusinessMinutes(at('2026-11-23T09:00:00+01:00'), 1.5)).reason).toBe('ARGUMENT');
    expect(errorOf(() => office.addBusinessMinutes(at('2026-11-23T09:00:00+01:00'), Infinity)).reason).toBe('ARGUMENT');
  });

  it('gives up with NEVER_OPEN when exceptions close every opening day for years', () => {
    const mondays = Array.from({ length: 500 }, (_, week) => ({
      date: new Date(Date.UTC(2026, 10, 23 + 7 * week)).toISOString().slice(0, 10),
      hours: [],
    }));
    const calendar = BusinessCalendar.fromDefinition({ weeklyHours: { monday: WEEKDAY }, exceptions: mondays });
    expect(errorOf(() => calendar.addBusinessMinutes(at('2026-11-23T09:00:00+01:00'), 1)).reason).toBe('NEVER_OPEN');
    expect(errorOf(() => calendar.nextOpening(at('2026-11-23T09:00:00+01:00'))).reason).toBe('NEVER_OPEN');
  });
});

describe('BusinessCalendar across daylight saving time', () => {
  // 2026: clocks go forward at 02:00 on Sunday 29 March, back at 03:00 on Sunday 25 October.
  it('counts 01:00–04:00 as two hours on the night the clocks go forward and four on the night they go back', () => {
    const spring = withExceptions(OFFICE, [{ date: '2026-03-29', hours: [{ from: '01:00', to: '04:00' }] }]);
    expect(spring.businessMinutesBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(120);
    expect(spring.addBusinessMinutes(at('2026-03-29T01:30:00+01:00'), 60)).toEqual(at('2026-03-29T03:30:00+02:00'));
    expect(spring.isOpen(at('2026-03-29T01:59:00+01:00'))).toBe(true);
    expect(spring.isOpen(at('2026-03-29T03:00:00+02:00'))).toBe(true);

    const autumn = withExceptions(OFFICE, [{ date: '2026-10-25', hours: [{ from: '01:00', to: '04:00' }] }]);
    expect(autumn.businessMinutesBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(240);
    expect(autumn.addBusinessMinutes(at('2026-10-25T01:30:00+02:00'), 90)).toEqual(at('2026-10-25T02:00:00+01:00'));
    expect(autumn.addBusinessMinutes(at('2026-10-25T01:30:00+02:00'), 210)).toEqual(at('2026-10-25T04:00:00+01:00'));
  });

  it('counts 02:00–03:00 as nothing in spring (the hour never happens) and as both passes in autumn', () => {
    const spring = withExceptions(OFFICE, [{ date: '2026-03-29', hours: [{ from: '02:00', to: '03:00' }] }]);
    expect(spring.businessMinutesBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(0);
    expect(spring.isOpen(at('2026-03-29T01:30:00Z'))).toBe(false);

    const autumn = withExceptions(OFFICE, [{ date: '2026-10-25', hours: [{ from: '02:00', to: '03:00' }] }]);
    expect(autumn.businessMinutesBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(120);
    expect(autumn.isOpen(at('2026-10-25T02:30:00+02:00'))).toBe(true);
    expect(autumn.isOpen(at('2026-10-25T02:30:00+01:00'))).toBe(true);
    expect(autumn.isOpen(at('2026-10-25T03:00:00+01:00'))).toBe(false);
    expect(autumn.nextOpening(at('2026-10-24T12:00:00+02:00'))).toEqual(at('2026-10-25T02:00:00+02:00'));
  });

  it('makes a day 23 hours long in spring and 25 in autumn on a calendar that never closes', () => {
    const always = BusinessCalendar.fromDefinition(ALWAYS);
    expect(always.businessMinutesBetween(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(
      23 * 60,
    );
    expect(always.businessMinutesBetween(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(
      25 * 60,
    );
    expect(always.addBusinessMinutes(at('2026-03-28T12:00:00+01:00'), 24 * 60)).toEqual(
      at('2026-03-29T13:00:00+02:00'),
    );
  });

  it('keeps office hours on the wall clock over the change', () => {
    // Friday 14:00 in winter time + 2 h: one hour on Friday, the next at 08:00–09:00 summer time on Monday.
    expect(office.addBusinessMinutes(at('2026-03-27T14:00:00+01:00'), 120)).toEqual(at('2026-03-30T09:00:00+02:00'));
    expect(office.businessMinutesBetween(at('2026-03-27T08:00:00+01:00'), at('2026-03-30T08:00:00+02:00'))).toBe(360);
    expect(office.addBusinessMinutes(at('2026-10-23T14:00:00+02:00'), 120)).toEqual(at('2026-10-26T09:00:00+01:00'));
    expect(office.isOpen(at('2026-10-26T07:30:00Z'))).toBe(true);
    expect(office.isOpen(at('2026-03-30T06:30:00Z'))).toBe(true);
  });
});

describe('BusinessCalendar.businessMinutesBetween', () => {
  it('counts business minutes only, and is negative backwards', () => {
    expect(office.businessMinutesBetween(at('2026-11-23T08:00:00+01:00'), at('2026-11-23T16:30:00+01:00'))).toBe(450);
    expect(office.businessMinutesBetween(at('2026-11-23T08:00:00+01:00'), at('2026-11-30T08:00:00+01:00'))).toBe(
      WEEK_MINUTES,
    );
    expect(office.businessMinutesBetween(at('2026-11-30T08:00:00+01:00'), at('2026-11-23T08:00:00+01:00'))).toBe(
      -WEEK_MINUTES,
    );
    expect(office.businessMinutesBetween(at('2026-11-28T08:00:00+01:00'), at('2026-11-29T20:00:00+01:00'))).toBe(0);
    expect(office.businessMinutesBetween(at('2026-11-23T09:00:00+01:00'), at('2026-11-23T09:00:59+01:00'))).toBe(0);
  });

  it('counts a whole year, checked against a count of working days', () => {
    // Independently counted: weekdays in 2026 minus the holidays and de facto days off on weekdays.
    let minutes = 0;
    const closed = new Set([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14',
      '2026-06-19', '2026-12-24', '2026-12-25', '2026-12-31',
    ]); // prettier-ignore
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6 || closed.has(date.toISOString().slice(0, 10))) continue;
      minutes += weekday === 5 ? 360 : 450;
    }
    expect(office.businessMinutesBetween(at('2026-01-01T00:00:00+01:00'), at('2027-01-01T00:00:00+01:00'))).toBe(
      minutes,
    );
  });
});

describe('BusinessCalendar.sumBusinessMinutes (the clock pauses while the case waits for the customer)', () => {
  it('sums the running stretches and counts an overlap once', () => {
    const running = [
      { start: at('2026-11-23T08:00:00+01:00'), end: at('2026-11-23T10:00:00+01:00') },
      // waiting for the customer 10:00–13:00, then running again into Tuesday
      { start: at('2026-11-23T13:00:00+01:00'), end: at('2026-11-24T09:00:00+01:00') },
    ];
    expect(office.sumBusinessMinutes(running)).toBe(120 + 210 + 60);
    expect(
      office.sumBusinessMinutes([
        ...running,
        { start: at('2026-11-23T09:00:00+01:00'), end: at('2026-11-23T14:00:00+01:00') },
      ]),
    ).toBe(240 + 210 + 60);
    expect(office.sumBusinessMinutes([])).toBe(0);
  });

  it('drops seconds from the total, not from each stretch', () => {
    expect(
      office.sumBusinessMinutes([
        { start: at('2026-11-23T09:00:00+01:00'), end: at('2026-11-23T09:00:40+01:00') },
        { start: at('2026-11-23T10:00:00+01:00'), end: at('2026-11-23T10:00:40+01:00') },
      ]),
    ).toBe(1);
  });

  it('refuses a stretch that ends before it starts', () => {
    const error = errorOf(() =>
      office.sumBusinessMinutes([{ start: at('2026-11-23T10:00:00+01:00'), end: at('2026-11-23T09:00:00+01:00') }]),
    );
    expect(error.reason).toBe('ARGUMENT');
    expect(error.message).toContain('intervals[0]');
  });
});
