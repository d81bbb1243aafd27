import { BusinessCalendar, BusinessCalendarError } from './business-calendar.js';
import { BusinessCalendarDefinitionSchema } from './calendar-definition.js';

const MONDAY = [{ from: '08:00', to: '16:30' }];

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = BusinessCalendarDefinitionSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('BusinessCalendarDefinitionSchema', () => {
  it('fills in the defaults: Stockholm, closed on every holiday, no exceptions, weekdays left out closed', () => {
    expect(BusinessCalendarDefinitionSchema.parse({ weeklyHours: { monday: MONDAY } })).toEqual({
      timeZone: 'Europe/Stockholm',
      weeklyHours: {
        monday: MONDAY,
        tuesday: [],
        wednesday: [],
        thursday: [],
        friday: [],
        saturday: [],
        sunday: [],
      },
      closedOnPublicHolidays: true,
      closedOnDeFactoHolidays: true,
      exceptions: [],
    });
  });

  it('accepts several intervals a day, touching ones and one ending at 24:00', () => {
    const hours = [
      { from: '00:00', to: '08:00' },
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '24:00' },
    ];
    expect(issuesOf({ weeklyHours: { saturday: hours } })).toEqual([]);
  });

  it.each([
    ['a time that is no time', { monday: [{ from: '8:00', to: '16:00' }] }, 'weeklyHours.monday.0.from'],
    ['25:00', { monday: [{ from: '08:00', to: '25:00' }] }, 'weeklyHours.monday.0.to'],
    ['24:30', { monday: [{ from: '08:00', to: '24:30' }] }, 'weeklyHours.monday.0.to'],
    ['an interval ending at its start', { monday: [{ from: '08:00', to: '08:00' }] }, 'weeklyHours.monday.0'],
    ['an interval starting at 24:00', { monday: [{ from: '24:00', to: '24:00' }] }, 'weeklyHours.monday.0'],
    [
      'overlapping intervals',
      {
        monday: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '16:00' },
        ],
      },
      'weeklyHours.monday.1',
    ],
    [
      'intervals out of order',
      {
        monday: [
          { from: '13:00', to: '16:00' },
          { from: '08:00', to: '12:00' },
        ],
      },
      'weeklyHours.monday.1',
    ],
    ['an unknown weekday', { monday: MONDAY, mondag: MONDAY }, 'weeklyHours'],
    ['no open weekday', {}, 'weeklyHours'],
  ])('refuses %s', (_, weeklyHours, path) => {
    expect(issuesOf({ weeklyHours }).map((issue) => issue.path)).toContain(path);
  });

  it('refuses exceptions on a date that does not exist, or twice on one date', () => {
    expect(
      issuesOf({ weeklyHours: { monday: MONDAY }, exceptions: [{ date: '2026-02-29', hours: [] }] }).map(
        (issue) => issue.path,
      ),
    ).toEqual(['exceptions.0.date']);
    expect(
      issuesOf({
        weeklyHours: { monday: MONDAY },
        exceptions: [
          { date: '2026-12-23', hours: [] },
          { date: '2026-12-23', hours: MONDAY },
        ],
      }),
    ).toEqual([{ path: 'exceptions.1.date', message: '2026-12-23 has more than one exception' }]);
  });

  it('refuses any other time zone', () => {
    expect(issuesOf({ timeZone: 'Europe/Helsinki', weeklyHours: { monday: MONDAY } }).map((i) => i.path)).toEqual([
      'timeZone',
    ]);
  });

  it('is what BusinessCalendar.fromDefinition checks, reported as DEFINITION with the issues', () => {
    let error: unknown;
    try {
      BusinessCalendar.fromDefinition({ weeklyHours: { monday: [{ from: '16:00', to: '08:00' }] } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BusinessCalendarError);
    const { reason, issues, message } = error as BusinessCalendarError;
    expect(reason).toBe('DEFINITION');
    expect(issues.map((issue) => issue.path.join('.'))).toContain('weeklyHours.monday.0');
    expect(message).toContain('an opening interval ends after it starts');
  });
});
