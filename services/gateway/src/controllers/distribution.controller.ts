import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  CaseNumberSchema,
  CaseViewSchema,
  DistributeCasesRequestV1,
  DistributionFieldsSchema,
  MoveCaseRequestV1,
  RefIdSchema,
  ReturnFeedbackRequestV1,
  checkDistributionFields,
  distributeCasesV1,
  moveCaseV1,
  pickNextV1,
  returnFeedbackV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const DistributeOneBody = DistributionFieldsSchema.extend({ version: z.number().int().positive() }).superRefine(
  checkDistributionFields,
);
const ReturnFeedbackBody = ReturnFeedbackRequestV1.omit({ number: true });
const MoveBody = MoveCaseRequestV1.omit({ number: true });
const DistributedSchema = distributeCasesV1.response;

/** Assignment by pick-next, distribution (fördelning) and cut/paste; case-core checks inbox modes and scopes. */
@ApiTags('distribution')
@ApiBearerAuth()
@Controller('api/v1')
export class DistributionController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('inboxes/:inboxId/pick-next')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Take the next case of the inbox (urgent, prioritised, normal, then oldest); { case: null } when none is left. 403 CASE.ASSIGNMENT_FORBIDDEN in a dispatcher inbox',
  })
  @ApiOkResponse({ schema: openApiOutput(pickNextV1.response) })
  pickNext(@Param('inboxId') inboxId: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(pickNextV1, { inboxId: parse(RefIdSchema, inboxId) }, requestContext(actor));
  }

  @Post('cases/distribute')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Distribute up to 100 cases at once, each with the version you read (all or none); notifyCustomer only with one case (400 CASE.NOTIFY_SINGLE_CASE_ONLY)',
  })
  @ApiBody({ schema: openApiSchema(DistributeCasesRequestV1) })
  @ApiOkResponse({ schema: openApiOutput(DistributedSchema) })
  distributeMany(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(distributeCasesV1, parse(DistributeCasesRequestV1, body), requestContext(actor));
  }

  @Post('cases/:number/distribute')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Distribute a case: to a work group, a specialist group (optionally requiring feedback), an external party, an external system by e-mail, or for information',
  })
  @ApiBody({ schema: openApiSchema(DistributeOneBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  async distributeOne(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const { version, ...fields } = parse(DistributeOneBody, body);
    const input = { ...fields, cases: [{ number: parse(CaseNumberSchema, number), version }] };
    const { items } = await this.rpc.request(distributeCasesV1, input, requestContext(actor));
    return items[0];
  }

  @Post('cases/:number/return-feedback')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Return a case that requires feedback to the inbox it came from, with the feedback (409 CASE.FEEDBACK_NOT_REQUIRED otherwise)',
  })
  @ApiBody({ schema: openApiSchema(ReturnFeedbackBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  returnFeedback(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(ReturnFeedbackBody, body) };
    return this.rpc.request(returnFeedbackV1, input, requestContext(actor));
  }

  @Post('cases/:number/move')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Cut and paste a case to another inbox without distributing it; only its handling officer (403 CASE.NOT_ASSIGNEE)',
  })
  @ApiBody({ schema: openApiSchema(MoveBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseViewSchema) })
  move(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(MoveBody, body) };
    return this.rpc.request(moveCaseV1, input, requestContext(actor));
  }
}
