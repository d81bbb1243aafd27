import type { EntityManager } from 'typeorm';
import { BusinessCalendar, type BusinessCalendarDefinitionInput } from '@arende/calendar';
import { quoteIdent } from '@arende/persistence';

/** The calendar of a case without one of its own: weekdays 08:00–17:00, closed on Swedish holidays and eves. */
export const DEFAULT_CALENDAR: BusinessCalendarDefinitionInput = {
  weeklyHours: {
    monday: [{ from: '08:00', to: '17:00' }],
    tuesday: [{ from: '08:00', to: '17:00' }],
    wednesday: [{ from: '08:00', to: '17:00' }],
    thursday: [{ from: '08:00', to: '17:00' }],
    friday: [{ from: '08:00', to: '17:00' }],
  },
};

/** Business calendars by id, from the `calendar` table; each built once per version and kept. */
export class CalendarService {
  private readonly table: string;
  private readonly built = new Map<string, { version: number; calendar: BusinessCalendar }>();
  private readonly fallback = BusinessCalendar.fromDefinition(DEFAULT_CALENDAR);

  constructor(
    schema: string,
    /** The stored calendar of cases that name none (DEFAULT_CALENDAR_ID); the built-in one when unset or absent. */
    private readonly defaultId?: string,
  ) {
    this.table = `${quoteIdent(schema)}.calendar`;
  }

  /** The named calendar, or the default one when there is no id or no such calendar. */
  async get(manager: EntityManager, requested: string | null | undefined): Promise<BusinessCalendar> {
    const id = requested || this.defaultId;
    if (!id) return this.fallback;
    const rows = await manager.query<Array<{ version: number; definition: unknown }>>(
      `SELECT version, definition FROM ${this.table} WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return this.fallback;
    const cached = this.built.get(id);
    if (cached?.version === row.version) return cached.calendar;
    const calendar = BusinessCalendar.fromDefinition(row.definition);
    this.built.set(id, { version: row.version, calendar });
    return calendar;
  }
}
