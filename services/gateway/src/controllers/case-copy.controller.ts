import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CaseNumberSchema, CaseViewSchema, CopyCaseRequestV1, copyCaseV1 } from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const CopyBody = CopyCaseRequestV1.omit({ number: true });

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseCopyController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post(':number/copy')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Copy a case: a new case (new number, status new) with the same fields, without handler, lock or history; withEntries copies the entries too',
  })
  @ApiBody({ schema: openApiSchema(CopyBody), required: false })
  @ApiCreatedResponse({ schema: openApiOutput(CaseViewSchema) })
  async copy(
    @Param('number') number: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(CopyBody, body ?? {}) };
    const created = await this.rpc.request(copyCaseV1, input, requestContext(actor));
    void reply.status(201).header('location', `/api/v1/cases/${created.number}`);
    return created;
  }
}
