import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  CaseNumberSchema,
  MessageViewSchema,
  getCaseV1,
  listMessagesV1,
  sendEmailV1,
  sendSmsV1,
} from '@arende/contracts';
import { PhoneNumberError, phoneNumberSearchKey } from '@arende/domain';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

/** An e-mail to the customer about the case (the channel by default); the subject defaults to the case title. */
const SendEmailBody = sendEmailV1.request.pick({ to: true, text: true }).extend({
  channel: z.literal('email').optional(),
  subject: sendEmailV1.request.shape.subject.optional(),
});

/** A phone number as the agent typed it (`070-123 45 67`, `+46 70…`), in E.164; a number without area code is refused. */
const PhoneNumber = z
  .string()
  .max(40)
  .transform((typed, ctx) => {
    try {
      const key = phoneNumberSearchKey(typed);
      if (sendSmsV1.request.shape.to.safeParse(key).success) return key;
    } catch (error) {
      if (!(error instanceof PhoneNumberError)) throw error;
    }
    ctx.addIssue({ code: 'custom', message: 'A phone number with area or country code, like 070-123 45 67' });
    return z.NEVER;
  });

/** A text message to the customer about the case. */
const SendSmsBody = z.object({
  channel: z.literal('sms'),
  to: PhoneNumber,
  text: sendSmsV1.request.shape.text,
});

/** A reply to the customer: by SMS with `channel: "sms"`, otherwise by e-mail. */
export const SendMessageBody = z.union([SendSmsBody, SendEmailBody]);

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

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Reply by e-mail, `{ to, text, subject? }`, queued with the case number in the subject (default the case title), or by SMS, `{ channel: "sms", to, text }` (a Swedish or international number); it lands on the timeline when sent',
  })
  @ApiBody({ schema: openApiSchema(SendMessageBody) })
  @ApiCreatedResponse({ schema: openApiOutput(MessageViewSchema) })
  async send(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const caseNumber = parse(CaseNumberSchema, number);
    const input = parse(SendMessageBody, body);
    const ctx = requestContext(actor);
    // Only someone who may see the case writes about it (404 CASE.NOT_FOUND otherwise, as for reading it).
    const found = await this.rpc.request(getCaseV1, { number: caseNumber }, ctx);
    if (input.channel === 'sms') {
      return this.rpc.request(sendSmsV1, { to: input.to, text: input.text, caseNumber }, ctx);
    }
    return this.rpc.request(
      sendEmailV1,
      { to: input.to, text: input.text, subject: input.subject ?? found.title, caseNumber },
      ctx,
    );
  }
}
