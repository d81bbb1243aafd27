import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  CaseNumberSchema,
  CaseRelationsSchema,
  RelateCasesRequestV1,
  getRelationsV1,
  relateCasesV1,
  unrelateCaseV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const RelateBody = RelateCasesRequestV1.omit({ masterNumber: true });

@ApiTags('relations')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class RelationController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post(':number/children')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Make cases children of this master case (one level; optionally set their status and let them inherit the case type). 409 CASE.RELATION_INVALID for self, nested or cyclic relations',
  })
  @ApiBody({ schema: openApiSchema(RelateBody) })
  @ApiOkResponse({ schema: openApiOutput(CaseRelationsSchema) })
  relate(@Param('number') number: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { masterNumber: parse(CaseNumberSchema, number), ...parse(RelateBody, body) };
    return this.rpc.request(relateCasesV1, input, requestContext(actor));
  }

  @Delete(':number/children/:childNumber')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Detach a child from this master case' })
  @ApiOkResponse({ schema: openApiOutput(CaseRelationsSchema) })
  unrelate(@Param('number') number: string, @Param('childNumber') childNumber: string, @CurrentActor() actor: Actor) {
    const input = { masterNumber: parse(CaseNumberSchema, number), childNumber: parse(CaseNumberSchema, childNumber) };
    return this.rpc.request(unrelateCaseV1, input, requestContext(actor));
  }

  @Get(':number/relations')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The master and the children of a case (number, title, status)' })
  @ApiOkResponse({ schema: openApiOutput(CaseRelationsSchema) })
  get(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getRelationsV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }
}
