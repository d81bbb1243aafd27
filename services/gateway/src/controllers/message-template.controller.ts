import { Body, Controller, Delete, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  MessageLanguageSchema,
  MessageTemplateFieldsSchema,
  TemplatedPurposeSchema,
  deleteMessageTemplateV1,
  getMessageTemplateV1,
  listMessageTemplatesV1,
  putMessageTemplateV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, NOTIFICATION_ADMINS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const key = (purpose: string, language: string) => ({
  purpose: parse(TemplatedPurposeSchema, purpose),
  language: parse(MessageLanguageSchema, language),
});

/** Message templates (owned by notifications): case workers read them, administrators write them. */
@ApiTags('message-templates')
@ApiBearerAuth()
@Controller('api/v1/message-templates')
export class MessageTemplateController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: 'Every stored message template, and the built-in Swedish text of each purpose that has none stored',
  })
  @ApiOkResponse({ schema: openApiOutput(listMessageTemplatesV1.response) })
  list(@CurrentActor() actor: Actor) {
    return this.rpc.request(listMessageTemplatesV1, {}, requestContext(actor));
  }

  @Get(':purpose/:language')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'The template of a purpose (customer_registration, customer_distribution, customer_close, distribution_external, distribution_information, referral) and language (sv, en), with the placeholders it may use; 404 NOTIFICATIONS.TEMPLATE_NOT_FOUND for an English one not stored',
  })
  @ApiOkResponse({ schema: openApiOutput(getMessageTemplateV1.response) })
  get(@Param('purpose') purpose: string, @Param('language') language: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getMessageTemplateV1, key(purpose, language), requestContext(actor));
  }

  @Put(':purpose/:language')
  @Roles(...NOTIFICATION_ADMINS)
  @ApiOperation({
    summary:
      'Store the template of a purpose and language (administrators); a placeholder the purpose does not know is 400 NOTIFICATIONS.PLACEHOLDER_UNKNOWN with details.unknown listing them',
  })
  @ApiBody({ schema: openApiSchema(MessageTemplateFieldsSchema) })
  @ApiOkResponse({ schema: openApiOutput(putMessageTemplateV1.response) })
  put(
    @Param('purpose') purpose: string,
    @Param('language') language: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ) {
    const input = { ...parse(MessageTemplateFieldsSchema, body), ...key(purpose, language) };
    return this.rpc.request(putMessageTemplateV1, input, requestContext(actor));
  }

  @Delete(':purpose/:language')
  @Roles(...NOTIFICATION_ADMINS)
  @ApiOperation({ summary: 'Remove a stored template (administrators); the built-in text is used again' })
  @ApiOkResponse({ schema: openApiOutput(deleteMessageTemplateV1.response) })
  remove(@Param('purpose') purpose: string, @Param('language') language: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(deleteMessageTemplateV1, key(purpose, language), requestContext(actor));
  }
}
