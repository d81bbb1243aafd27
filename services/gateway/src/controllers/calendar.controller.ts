import { Body, Controller, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  CalendarViewSchema,
  RefIdSchema,
  getCalendarV1,
  listCalendarsV1,
  saveCalendarV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CALENDAR_ADMINS, CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

// Templates name a calendar by its id (sla.calendarId), so the administrator chooses it.
const CreateCalendarBody = saveCalendarV1.request.omit({ version: true });
const ChangeCalendarBody = saveCalendarV1.request.omit({ id: true }).extend({ version: z.number().int().positive() });

/**
 * Business-hours calendars (owned by the SLA watcher): opening hours per weekday, whether holidays close, dated
 * exceptions. Case workers read them; administrators create and change them (the watcher checks the role too).
 */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('api/v1/calendars')
export class CalendarController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Every business-hours calendar, by id' })
  @ApiOkResponse({ schema: openApiOutput(listCalendarsV1.response) })
  list(@CurrentActor() actor: Actor) {
    return this.rpc.request(listCalendarsV1, {}, requestContext(actor));
  }

  @Post()
  @Roles(...CALENDAR_ADMINS)
  @ApiOperation({
    summary:
      'Create a calendar under the id templates will name (administrators); definition: weeklyHours, closedOnPublicHolidays, closedOnDeFactoHolidays, exceptions (422 SLA.CALENDAR_INVALID with the fields; 409 SLA.VERSION_CONFLICT if the id is taken)',
  })
  @ApiBody({ schema: openApiSchema(CreateCalendarBody) })
  @ApiCreatedResponse({ schema: openApiOutput(CalendarViewSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(saveCalendarV1, parse(CreateCalendarBody, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/calendars/${created.id}`);
    return created;
  }

  @Get(':calendarId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'One calendar with its weekly hours and exceptions (404 SLA.CALENDAR_NOT_FOUND)' })
  @ApiOkResponse({ schema: openApiOutput(CalendarViewSchema) })
  get(@Param('calendarId') calendarId: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getCalendarV1, { id: parse(RefIdSchema, calendarId) }, requestContext(actor));
  }

  @Put(':calendarId')
  @Roles(...CALENDAR_ADMINS)
  @ApiOperation({
    summary:
      'Change a calendar at the version you read (administrators; 409 SLA.VERSION_CONFLICT if stale, 422 SLA.CALENDAR_INVALID with the fields)',
  })
  @ApiBody({ schema: openApiSchema(ChangeCalendarBody) })
  @ApiOkResponse({ schema: openApiOutput(CalendarViewSchema) })
  change(@Param('calendarId') calendarId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ChangeCalendarBody, body), id: parse(RefIdSchema, calendarId) };
    return this.rpc.request(saveCalendarV1, input, requestContext(actor));
  }
}
