import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor, CaseStatusSchema, CaseViewSchema, RefIdSchema, listInboxV1, pageSchema } from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_READERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const InboxQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
    .pipe(z.array(CaseStatusSchema).min(1).max(8).optional()),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/inboxes')
export class InboxController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get(':inboxId/cases')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The cases of an inbox: urgent, prioritised, normal; oldest first within each; by cursor' })
  @ApiQuery({ name: 'status', required: false, description: 'Comma-separated statuses (default: all but closed)' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(CaseViewSchema)) })
  list(@Param('inboxId') inboxId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const { status, cursor, limit } = parse(InboxQuery, query);
    return this.rpc.request(
      listInboxV1,
      { inboxId: parse(RefIdSchema, inboxId), statuses: status, cursor, limit },
      requestContext(actor),
    );
  }
}
