import { Body, Controller, Delete, Get, Inject, Put, Query, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  SignatureFieldsSchema,
  SignatureScopeSchema,
  deleteSignatureV1,
  getSignatureV1,
  listSignaturesV1,
  putSignatureV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, NOTIFICATION_ADMINS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

/** The scope in the query: neither is the global signature. */
const ScopeQuery = SignatureScopeSchema.strict();

const ScopeDoc = () =>
  applyDecorators(
    ApiQuery({ name: 'userId', required: false, description: 'The user (absent: any user)' }),
    ApiQuery({ name: 'servicePointId', required: false, description: 'The service point (absent: any)' }),
  );

/**
 * Signatures (owned by notifications) appended to outbound customer, distribution and referral mail; the most
 * specific applies: user and service point, user, service point, global.
 */
@ApiTags('signatures')
@ApiBearerAuth()
@Controller('api/v1/signatures')
export class SignatureController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Every stored signature: global, per user, per service point, per user and service point' })
  @ApiOkResponse({ schema: openApiOutput(listSignaturesV1.response) })
  list(@CurrentActor() actor: Actor) {
    return this.rpc.request(listSignaturesV1, {}, requestContext(actor));
  }

  @Get('scope')
  @Roles(...CASE_WORKERS)
  @ScopeDoc()
  @ApiOperation({
    summary: 'The signature stored for exactly that scope; 404 NOTIFICATIONS.SIGNATURE_NOT_FOUND if none',
  })
  @ApiOkResponse({ schema: openApiOutput(getSignatureV1.response) })
  get(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(getSignatureV1, parse(ScopeQuery, query), requestContext(actor));
  }

  @Put('scope')
  @Roles(...NOTIFICATION_ADMINS)
  @ScopeDoc()
  @ApiOperation({
    summary:
      'Store the signature of a scope (administrators): text, optional HTML, optional logo as a PNG, JPEG or SVG data URL of at most 200 kB (400 NOTIFICATIONS.LOGO_INVALID otherwise)',
  })
  @ApiBody({ schema: openApiSchema(SignatureFieldsSchema) })
  @ApiOkResponse({ schema: openApiOutput(putSignatureV1.response) })
  put(@Query() query: unknown, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(SignatureFieldsSchema, body), ...parse(ScopeQuery, query) };
    return this.rpc.request(putSignatureV1, input, requestContext(actor));
  }

  @Delete('scope')
  @Roles(...NOTIFICATION_ADMINS)
  @ScopeDoc()
  @ApiOperation({ summary: 'Remove the signature of a scope (administrators); the next less specific one applies' })
  @ApiOkResponse({ schema: openApiOutput(deleteSignatureV1.response) })
  remove(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(deleteSignatureV1, parse(ScopeQuery, query), requestContext(actor));
  }
}
