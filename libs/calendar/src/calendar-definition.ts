/**
 * A business-hours calendar as stored and sent: opening hours per weekday, whether Swedish holidays close,
 * and dated exceptions. The schemas are exported so that contracts (templates, SLA policies) can embed them.
 */
import { z } from 'zod';
import { parseIsoDate } from './civil-date.js';

/** The only zone a calendar may have today: the holidays are Swedish and so are the offices. */
export const CALENDAR_TIME_ZONE = 'Europe/Stockholm';

/** Weekday keys, in `Date.getUTCDay` order (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME_OF_DAY = /^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/** `HH:MM` to minutes after midnight (`24:00` is 1440, the end of the day). */
export function minutesOfTimeOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** `08:00`, `16:30`; `24:00` only as the end of an interval. */
export const TimeOfDaySchema = z.string().regex(TIME_OF_DAY, 'a time of day is HH:MM, 00:00 to 24:00');

/** One opening interval on a day, wall-clock time: open from `from` up to (not including) `to`. */
export const OpeningIntervalSchema = z
  .object({ from: TimeOfDaySchema, to: TimeOfDaySchema })
  .refine((interval) => minutesOfTimeOfDay(interval.from) < minutesOfTimeOfDay(interval.to), {
    message: 'an opening interval ends after it starts',
  });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

/** The opening intervals of one day in time order, not overlapping (touching is fine); empty means closed. */
export const DayHoursSchema = z.array(OpeningIntervalSchema).superRefine((intervals, context) => {
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (minutesOfTimeOfDay(current.from) < minutesOfTimeOfDay(previous.to)) {
      context.addIssue({
        code: 'custom',
        path: [i],
        message: 'opening intervals are in time order and do not overlap',
      });
    }
  }
});
export type DayHours = z.infer<typeof DayHoursSchema>;

/** Opening hours per weekday; a weekday left out is closed. */
export const WeeklyHoursSchema = z.strictObject({
  monday: DayHoursSchema.default([]),
  tuesday: DayHoursSchema.default([]),
  wednesday: DayHoursSchema.default([]),
  thursday: DayHoursSchema.default([]),
  friday: DayHoursSchema.default([]),
  saturday: DayHoursSchema.default([]),
  sunday: DayHoursSchema.default([]),
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

/** A real calendar date, `YYYY-MM-DD`. */
export const CalendarDateSchema = z
  .string()
  .refine((text) => parseIsoDate(text) !== undefined, 'a date is a real calendar date, YYYY-MM-DD');

/**
 * The hours of one date, in place of the weekday's and of any holiday: `hours: []` closes the date (a staff
 * day), intervals give special hours (a short day before a holiday, or opening on a holiday).
 */
export const CalendarExceptionSchema = z.strictObject({
  date: CalendarDateSchema,
  hours: DayHoursSchema,
  /** Why, for people reading the calendar: `Personaldag`, `Trettondagsafton`. */
  note: z.string().max(200).optional(),
});
export type CalendarException = z.infer<typeof CalendarExceptionSchema>;

export const BusinessCalendarDefinitionSchema = z
  .strictObject({
    timeZone: z.literal(CALENDAR_TIME_ZONE).default(CALENDAR_TIME_ZONE),
    weeklyHours: WeeklyHoursSchema,
    /** Closed on the allmänna helgdagar (nyårsdagen … annandag jul). */
    closedOnPublicHolidays: z.boolean().default(true),
    /** Closed on julafton, nyårsafton and midsommarafton. */
    closedOnDeFactoHolidays: z.boolean().default(true),
    exceptions: z.array(CalendarExceptionSchema).max(10_000).default([]),
  })
  .superRefine((definition, context) => {
    if (WEEKDAYS.every((weekday) => definition.weeklyHours[weekday].length === 0)) {
      context.addIssue({
        code: 'custom',
        path: ['weeklyHours'],
        message: 'a calendar is open on at least one weekday',
      });
    }
    const seen = new Set<string>();
    definition.exceptions.forEach((exception, index) => {
      if (seen.has(exception.date)) {
        context.addIssue({
          code: 'custom',
          path: ['exceptions', index, 'date'],
          message: `${exception.date} has more than one exception`,
        });
      }
      seen.add(exception.date);
    });
  });
/** A calendar definition as accepted (defaults may be left out). */
export type BusinessCalendarDefinitionInput = z.input<typeof BusinessCalendarDefinitionSchema>;
/** A calendar definition after parsing: every default filled in. */
export type BusinessCalendarDefinition = z.output<typeof BusinessCalendarDefinitionSchema>;
