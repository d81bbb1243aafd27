export { BusinessCalendar, BusinessCalendarError } from './business-calendar.js';
export type { BusinessCalendarErrorReason, CalendarDay, RunningInterval } from './business-calendar.js';
export {
  BusinessCalendarDefinitionSchema,
  CALENDAR_TIME_ZONE,
  CalendarDateSchema,
  CalendarExceptionSchema,
  DayHoursSchema,
  OpeningIntervalSchema,
  TimeOfDaySchema,
  WEEKDAYS,
  WeeklyHoursSchema,
} from './calendar-definition.js';
export type {
  BusinessCalendarDefinition,
  BusinessCalendarDefinitionInput,
  CalendarException,
  DayHours,
  OpeningInterval,
  Weekday,
  WeeklyHours,
} from './calendar-definition.js';
export {
  SWEDISH_HOLIDAYS_MAX_YEAR,
  SWEDISH_HOLIDAYS_MIN_YEAR,
  easterSunday,
  swedishHolidays,
} from './swedish-holidays.js';
export type { SwedishHoliday, SwedishHolidayKind } from './swedish-holidays.js';
export { addLocalDays, localDateOf, nextWallClockTime } from './wall-clock.js';
