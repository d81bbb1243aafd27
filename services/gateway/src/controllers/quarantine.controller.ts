import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  IntakeChannelSchema,
  QUARANTINE_STATUSES,
  getQuarantinedV1,
  listQuarantineV1,
  reprocessQuarantinedV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const QuarantineQuery = z.object({
  status: z.enum(QUARANTINE_STATUSES).optional(),
  channel: IntakeChannelSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const IdSchema = z.uuid();

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/intake/quarantine')
export class QuarantineController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Inbound messages intake could not turn into events, newest first, by cursor (admins)' })
  @ApiQuery({ name: 'status', required: false, enum: QUARANTINE_STATUSES })
  @ApiQuery({ name: 'channel', required: false, enum: IntakeChannelSchema.options })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(listQuarantineV1.response) })
  list(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(listQuarantineV1, parse(QuarantineQuery, query), requestContext(actor));
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'One quarantined message with its reason and the first 64 KiB of its raw content (admins)' })
  @ApiOkResponse({ schema: openApiOutput(getQuarantinedV1.response) })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getQuarantinedV1, { id: parse(IdSchema, id) }, requestContext(actor));
  }

  @Post(':id/reprocess')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Run a quarantined message through intake again once its cause is fixed; accepted or duplicate marks it ' +
      're-processed, otherwise it stays with the new reason (admins)',
  })
  @ApiOkResponse({ schema: openApiOutput(reprocessQuarantinedV1.response) })
  reprocess(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(reprocessQuarantinedV1, { id: parse(IdSchema, id) }, requestContext(actor));
  }
}
