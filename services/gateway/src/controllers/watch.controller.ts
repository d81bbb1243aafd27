import { Body, Controller, Delete, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  WatchFieldsSchema,
  WatchViewSchema,
  checkWatchFields,
  createWatchV1,
  deleteWatchV1,
  listWatchesV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';
import { visibleCase as visible } from './visible-case.js';

const WatchBody = WatchFieldsSchema.superRefine(checkWatchFields);

/**
 * Watches (bevakningar) belong to the caller. Each route reads the case as the caller first, so a case they may
 * not see is CASE.NOT_FOUND here as everywhere; the SLA watcher keeps the watches.
 */
@ApiTags('watches')
@ApiBearerAuth()
@Controller('api/v1/cases/:number/watches')
export class WatchController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Set a watch (bevakning) on the case: no handler, not closed or customer not answered by endAt; or a customer reply, referral answer or change between startAt and endAt. You are notified when it fires',
  })
  @ApiBody({ schema: openApiSchema(WatchBody) })
  @ApiCreatedResponse({ schema: openApiOutput(WatchViewSchema) })
  async create(
    @Param('number') number: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const caseNumber = await visible(this.rpc, number, actor);
    const watch = await this.rpc.request(
      createWatchV1,
      { number: caseNumber, ...parse(WatchBody, body) },
      requestContext(actor),
    );
    void reply.status(201).header('location', `/api/v1/cases/${caseNumber}/watches/${watch.id}`);
    return watch;
  }

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Your watches on the case, newest first, with those that have ended' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(WatchViewSchema) })) })
  async list(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(listWatchesV1, { number: await visible(this.rpc, number, actor) }, requestContext(actor));
  }

  @Delete(':watchId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Remove one of your watches on the case' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ id: z.uuid(), deleted: z.literal(true) })) })
  async remove(@Param('number') number: string, @Param('watchId') watchId: string, @CurrentActor() actor: Actor) {
    const caseNumber = await visible(this.rpc, number, actor);
    return this.rpc.request(deleteWatchV1, { number: caseNumber, id: parse(z.uuid(), watchId) }, requestContext(actor));
  }
}
