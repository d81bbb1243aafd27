import type { DataSource } from 'typeorm';
import { BusinessCalendarDefinitionSchema } from '@arende/calendar';
import {
  type Actor,
  type CalendarView,
  DomainError,
  getCalendarV1,
  listCalendarsV1,
  saveCalendarV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import { CalendarEntity } from '../entities/calendar.entity.js';
import type { Clock } from '../clock.js';

function assertAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new DomainError('AUTH.FORBIDDEN', 'Only administrators change calendars');
}

function view(row: CalendarEntity): CalendarView {
  return {
    id: row.id,
    name: row.name,
    definition: row.definition,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** Administration of business-hours calendars (the data behind `sla.calendarId`). */
export class CalendarHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  listen(): void {
    this.rpc
      .handle(saveCalendarV1, async (input, ctx) => {
        assertAdmin(ctx.actor);
        const parsed = BusinessCalendarDefinitionSchema.safeParse(input.definition);
        if (!parsed.success) {
          throw new DomainError('SLA.CALENDAR_INVALID', 'The calendar definition is not valid', {
            fields: parsed.error.issues.map((issue) => ({
              path: ['definition', ...issue.path.map(String)].join('.'),
              message: issue.message,
            })),
          });
        }
        return this.dataSource.transaction(async (manager) => {
          const repository = manager.getRepository(CalendarEntity);
          const current = await repository.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
          if ((current?.version ?? undefined) !== input.version) {
            throw new DomainError(
              'SLA.VERSION_CONFLICT',
              current ? `Calendar ${input.id} is at version ${current.version}` : `There is no calendar ${input.id}`,
            );
          }
          const row = repository.create({
            id: input.id,
            name: input.name,
            definition: parsed.data as unknown as Record<string, unknown>,
            version: (current?.version ?? 0) + 1,
            updatedAt: this.clock.now(),
            updatedBy: ctx.actor.id,
          });
          await repository.save(row);
          return view(row);
        });
      })
      .handle(listCalendarsV1, async () => {
        const rows = await this.dataSource.getRepository(CalendarEntity).find({ order: { id: 'ASC' } });
        return { items: rows.map(view) };
      })
      .handle(getCalendarV1, async (input) => {
        const row = await this.dataSource.getRepository(CalendarEntity).findOneBy({ id: input.id });
        if (!row) throw new DomainError('SLA.CALENDAR_NOT_FOUND', `There is no calendar ${input.id}`);
        return view(row);
      });
  }
}
