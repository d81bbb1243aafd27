import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  CaseEventKindSchema,
  CaseEventViewSchema,
  CaseNumberSchema,
  ListCaseEventsRequestV1,
  TimestampSchema,
  listCaseEventsV1,
  pageSchema,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const EventsQuery = z.object({
  kinds: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
    .pipe(z.array(CaseEventKindSchema).min(1).max(20).optional()),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
  actorId: z.string().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseEventController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get(':number/events')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The event log of a case: who, when, what (before and after), newest first; by cursor' })
  @ApiQuery({ name: 'kinds', required: false, description: 'Comma-separated kinds, e.g. status-changed,assigned' })
  @ApiQuery({ name: 'from', required: false, description: 'From this time (inclusive), ISO 8601 with offset' })
  @ApiQuery({ name: 'to', required: false, description: 'Until this time (exclusive), ISO 8601 with offset' })
  @ApiQuery({ name: 'actorId', required: false, description: 'Only what this user did' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(CaseEventViewSchema)) })
  list(@Param('number') number: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = parse(ListCaseEventsRequestV1, {
      number: parse(CaseNumberSchema, number),
      ...parse(EventsQuery, query),
    });
    return this.rpc.request(listCaseEventsV1, input, requestContext(actor));
  }
}
