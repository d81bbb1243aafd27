import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CaseNumberSchema, MessageViewSchema, listMessagesV1 } from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/v1/cases/:number/messages')
export class MessageController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'The e-mails and text messages sent about the case, oldest first, each with its delivery state and log (queued, sent, failed with reason, suppressed)',
  })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(MessageViewSchema) })) })
  list(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(listMessagesV1, { caseNumber: parse(CaseNumberSchema, number) }, requestContext(actor));
  }
}
