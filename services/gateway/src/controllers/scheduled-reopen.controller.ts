import { Body, Controller, Delete, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  ScheduledReopenSchema,
  cancelReopenV1,
  getScheduledReopenV1,
  scheduleReopenV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';
import { visibleCase } from './visible-case.js';

const ScheduleBody = scheduleReopenV1.request.omit({ number: true });

/** Scheduled reopening of a closed case (the SLA watcher keeps the schedule and reopens it when the time comes). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases/:number/scheduled-reopen')
export class ScheduledReopenController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: "The case's scheduled reopening, or null when none is scheduled" })
  @ApiOkResponse({ schema: openApiOutput(z.object({ scheduled: ScheduledReopenSchema.nullable() })) })
  async get(@Param('number') number: string, @CurrentActor() actor: Actor) {
    const caseNumber = await visibleCase(this.rpc, number, actor);
    return this.rpc.request(getScheduledReopenV1, { number: caseNumber }, requestContext(actor));
  }

  @Put()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Reopen the resolved or closed case at a future date and time, with a reason (replaces an earlier schedule)',
  })
  @ApiBody({ schema: openApiSchema(ScheduleBody) })
  @ApiOkResponse({ schema: openApiOutput(ScheduledReopenSchema) })
  async schedule(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const caseNumber = await visibleCase(this.rpc, number, actor);
    return this.rpc.request(
      scheduleReopenV1,
      { number: caseNumber, ...parse(ScheduleBody, body) },
      requestContext(actor),
    );
  }

  @Delete()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: "Cancel the case's scheduled reopening; `cancelled` is false when none was scheduled" })
  @ApiOkResponse({ schema: openApiOutput(cancelReopenV1.response) })
  async cancel(@Param('number') number: string, @CurrentActor() actor: Actor) {
    const caseNumber = await visibleCase(this.rpc, number, actor);
    return this.rpc.request(cancelReopenV1, { number: caseNumber }, requestContext(actor));
  }
}
