import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  REFERENCE_KINDS,
  RefIdSchema,
  ReferenceItemSchema,
  ReferenceKindSchema,
  listReferencesV1,
  saveReferenceV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, ROUTING_ADMINS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { IncludeInactiveQuery, parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const CreateReferenceBody = saveReferenceV1.request.omit({ kind: true, version: true });
const ChangeReferenceBody = saveReferenceV1.request
  .omit({ kind: true, id: true })
  .extend({ version: z.number().int().positive() });
const KIND_PARAM = { name: 'referenceKind', enum: [...REFERENCE_KINDS] };

/**
 * Routing's reference data: case types (with their instruction), categories, areas, org units, service points and
 * answer groups. Case workers read them (forms, filters); administrators create and change them.
 */
@ApiTags('reference data')
@ApiBearerAuth()
@Controller('api/v1/reference-data')
export class ReferenceController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get(':referenceKind')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The reference items of one kind, by name' })
  @ApiParam(KIND_PARAM)
  @ApiQuery({ name: 'includeInactive', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(listReferencesV1.response) })
  list(@Param('referenceKind') kind: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { kind: parse(ReferenceKindSchema, kind), ...parse(IncludeInactiveQuery, query) };
    return this.rpc.request(listReferencesV1, input, requestContext(actor));
  }

  @Post(':referenceKind')
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({
    summary:
      'Create a reference item of this kind (administrators); without an id one is made. Only case types have an instruction; an org unit is a department or a unit under one',
  })
  @ApiParam(KIND_PARAM)
  @ApiBody({ schema: openApiSchema(CreateReferenceBody) })
  @ApiCreatedResponse({ schema: openApiOutput(ReferenceItemSchema) })
  async create(
    @Param('referenceKind') kind: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = { ...parse(CreateReferenceBody, body), kind: parse(ReferenceKindSchema, kind) };
    const created = await this.rpc.request(saveReferenceV1, input, requestContext(actor));
    void reply.status(201).header('location', `/api/v1/reference-data/${created.kind}/${created.id}`);
    return created;
  }

  @Put(':referenceKind/:referenceId')
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({
    summary:
      'Change a reference item at the version you read (administrators; 409 ROUTING.VERSION_CONFLICT if stale); a rename keeps the id, inactive instead of deleted',
  })
  @ApiParam(KIND_PARAM)
  @ApiBody({ schema: openApiSchema(ChangeReferenceBody) })
  @ApiOkResponse({ schema: openApiOutput(ReferenceItemSchema) })
  change(
    @Param('referenceKind') kind: string,
    @Param('referenceId') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ) {
    const input = {
      ...parse(ChangeReferenceBody, body),
      kind: parse(ReferenceKindSchema, kind),
      id: parse(RefIdSchema, id),
    };
    return this.rpc.request(saveReferenceV1, input, requestContext(actor));
  }
}
