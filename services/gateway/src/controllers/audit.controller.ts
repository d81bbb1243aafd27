import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  CaseNumberSchema,
  ListSecretReadsRequestV1,
  SecretReadViewSchema,
  TimestampSchema,
  listSecretReadsV1,
  pageSchema,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SecretReadsQuery = z.object({
  caseNumber: CaseNumberSchema.optional(),
  actorId: z.string().min(1).max(200).optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('secret-reads')
  @Roles('admin')
  @ApiOperation({ summary: 'Who read which secret case, when, what and from where; newest first, by cursor (admins)' })
  @ApiQuery({ name: 'caseNumber', required: false, description: 'Only reads of this case' })
  @ApiQuery({ name: 'actorId', required: false, description: 'Only reads by this user' })
  @ApiQuery({ name: 'from', required: false, description: 'From this time (inclusive), ISO 8601 with offset' })
  @ApiQuery({ name: 'to', required: false, description: 'Until this time (exclusive), ISO 8601 with offset' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(SecretReadViewSchema)) })
  secretReads(@Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = parse(ListSecretReadsRequestV1, parse(SecretReadsQuery, query));
    return this.rpc.request(listSecretReadsV1, input, requestContext(actor));
  }
}
