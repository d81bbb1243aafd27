import { z } from 'zod';
import { defineRpc } from '../message.js';
import { RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

/**
 * A business-hours calendar as the SLA watcher stores it. `definition` is a `BusinessCalendarDefinition` of
 * `@arende/calendar` (weekly hours, holidays, exceptions); the watcher validates it, since contracts depend on
 * zod only.
 */
export const CalendarViewSchema = z.object({
  id: RefIdSchema,
  name: z.string(),
  definition: z.record(z.string(), z.unknown()),
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
  updatedBy: z.string(),
});
export type CalendarView = z.infer<typeof CalendarViewSchema>;

export const saveCalendarV1 = defineRpc({
  subject: 'sla.rpc.calendar-save.v1',
  request: z.object({
    id: RefIdSchema,
    name: z.string().trim().min(1).max(200),
    definition: z.record(z.string(), z.unknown()),
    /** Absent to create; the version read to change. */
    version: z.number().int().positive().optional(),
  }),
  response: CalendarViewSchema,
  example: {
    id: 'kundtjanst',
    name: 'Kundtjänstens öppettider',
    definition: {
      weeklyHours: {
        monday: [{ from: '08:00', to: '17:00' }],
        tuesday: [{ from: '08:00', to: '17:00' }],
        wednesday: [{ from: '08:00', to: '17:00' }],
        thursday: [{ from: '08:00', to: '17:00' }],
        friday: [{ from: '08:00', to: '16:00' }],
      },
      exceptions: [{ date: '2026-12-23', hours: [{ from: '08:00', to: '12:00' }], note: 'Dan före julafton' }],
    },
  },
  description:
    'An administrator creates or changes a business-hours calendar that templates name in their SLA (optimistic: give the version to change).',
});

export const listCalendarsV1 = defineRpc({
  subject: 'sla.rpc.calendar-list.v1',
  request: z.object({}),
  response: z.object({ items: z.array(CalendarViewSchema) }),
  example: {},
  description: 'Every business-hours calendar, by id.',
});

export const getCalendarV1 = defineRpc({
  subject: 'sla.rpc.calendar-get.v1',
  request: z.object({ id: RefIdSchema }),
  response: CalendarViewSchema,
  example: { id: 'kundtjanst' },
  description:
    'One business-hours calendar with its weekly hours and exceptions (SLA.CALENDAR_NOT_FOUND if there is none).',
});
