import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  AcknowledgeCaseRequestV1,
  AssignCaseRequestV1,
  CaseNumberSchema,
  CaseViewSchema,
  MarkCustomerContactedRequestV1,
  RegisterCaseRequestV1,
  TransitionCaseRequestV1,
  UpdateCaseRequestV1,
  assignCaseV1,
  acknowledgeCaseV1,
  getCaseV1,
  lockCaseV1,
  markCustomerContactedV1,
  registerCaseV1,
  transitionCaseV1,
  unlockCaseV1,
  updateCaseV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { correlation, newCorrelationId } from '@arende/observability';
import { CurrentActor, originOf } from '../auth/principal.decorator.js';
import { CASE_READERS, CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';

const UpdateBody = UpdateCaseRequestV1.omit({ number: true });
const TransitionBody = TransitionCaseRequestV1.omit({ number: true });
const AssignBody = AssignCaseRequestV1.omit({ number: true });
const UnlockQuery = z.object({ force: z.enum(['true', 'false']).default('false') });
const CustomerContactedBody = MarkCustomerContactedRequestV1.omit({ number: true });

export function requestContext(actor: Actor) {
  const origin = originOf(actor);
  return { actor, correlationId: correlation.id() ?? newCorrelationId(), ...(origin ? { origin } : {}) };
}

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Register a case; it gets the next case number of the year' })
  @ApiBody({ schema: openApiSchema(RegisterCaseRequestV1) })
  @ApiCreatedResponse({ schema: openApiOutput(CaseViewSchema) })
  async register(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(registerCaseV1, parse(RegisterCaseRequestV1, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/cases/${created.number}`);
    return created;
  }

  @Get(':number')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Read a case by its number' })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  get(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getCaseV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }

  @Patch(':number')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Change fields of a case; send the version you read (409 CASE.VERSION_CONFLICT if stale)' })
  @ApiBody({ schema: openApiSchema(UpdateBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  update(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(UpdateBody, body) };
    return this.rpc.request(updateCaseV1, input, requestContext(actor));
  }

  @Post(':number/status')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Move a case to another status (409 CASE.TRANSITION_FORBIDDEN if not allowed); closing a case whose customer wants an answer and had none is 409 CASE.CUSTOMER_NOT_ANSWERED unless confirmUnanswered is true',
  })
  @ApiBody({ schema: openApiSchema(TransitionBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  transition(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(TransitionBody, body) };
    return this.rpc.request(transitionCaseV1, input, requestContext(actor));
  }

  @Post(':number/acknowledge')
  @HttpCode(200)
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Acknowledge (kvittera) a case sent to you: a member of its inbox, a supervisor, or the contractor it is sent to. Again: the same case, nothing new',
  })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  acknowledge(@Param('number') number: string, @CurrentActor() actor: Actor) {
    const input = parse(AcknowledgeCaseRequestV1, { number });
    return this.rpc.request(acknowledgeCaseV1, input, requestContext(actor));
  }

  @Post(':number/customer-contacted')
  @HttpCode(200)
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'Mark that the customer was contacted (återkopplat), with an optional note for the timeline; acknowledges the case too',
  })
  @ApiBody({ schema: openApiSchema(CustomerContactedBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  customerContacted(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(CustomerContactedBody, body ?? {}) };
    return this.rpc.request(markCustomerContactedV1, input, requestContext(actor));
  }

  @Put(':number/assignee')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Set or remove (assigneeId null) the handling officer' })
  @ApiBody({ schema: openApiSchema(AssignBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  assign(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(AssignBody, body) };
    return this.rpc.request(assignCaseV1, input, requestContext(actor));
  }

  @Post(':number/lock')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Lock a case to yourself; others get 423 CASE.LOCKED with who holds it' })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  lock(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(lockCaseV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }

  @Delete(':number/lock')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Release your lock; a supervisor may force another holder’s lock open with ?force=true' })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  unlock(@Param('number') number: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const force = parse(UnlockQuery, query).force === 'true';
    return this.rpc.request(unlockCaseV1, { number: parse(CaseNumberSchema, number), force }, requestContext(actor));
  }
}
