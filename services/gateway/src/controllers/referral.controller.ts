import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  CaseNumberSchema,
  ReferralViewSchema,
  SendReferralRequestV1,
  listReferralsV1,
  sendReferralV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SendReferralBody = SendReferralRequestV1.omit({ number: true });

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1/cases/:number/referrals')
export class ReferralController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Send the case on referral (remiss) with a message, attachments of its entries and a reply-by date (default 14 days); the answer threads back by the referral number',
  })
  @ApiBody({ schema: openApiSchema(SendReferralBody) })
  @ApiCreatedResponse({ schema: openApiOutput(ReferralViewSchema) })
  async send(
    @Param('number') number: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(SendReferralBody, body) };
    const referral = await this.rpc.request(sendReferralV1, input, requestContext(actor));
    void reply.status(201).header('location', `/api/v1/cases/${referral.caseNumber}/referrals`);
    return referral;
  }

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The referrals of the case in the order they were sent, with their answers' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(ReferralViewSchema) })) })
  list(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(listReferralsV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }
}
