import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type Actor,
  AddEntryRequestV1,
  CaseNumberSchema,
  EntryKindSchema,
  EntryViewSchema,
  ListEntriesRequestV1,
  StaffEntryKindSchema,
  addEntryV1,
  getEntryV1,
  listEntriesV1,
  pageSchema,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

// Agents write notes; messages in and out, referrals and system events come from the services over NATS.
const AddEntryBody = AddEntryRequestV1.omit({ number: true, from: true, messageId: true }).extend({
  kind: StaffEntryKindSchema,
});

const EntriesQuery = z.object({
  order: ListEntriesRequestV1.shape.order,
  kinds: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
    .pipe(ListEntriesRequestV1.shape.kinds),
  cursor: ListEntriesRequestV1.shape.cursor,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('entries')
@ApiBearerAuth()
@Controller('api/v1/cases/:number/entries')
export class EntryController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Add a phone note, memo, internal note or official note to the case timeline (does not change the case version)',
  })
  @ApiBody({ schema: openApiSchema(AddEntryBody) })
  @ApiCreatedResponse({ schema: openApiOutput(EntryViewSchema) })
  async add(
    @Param('number') number: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(AddEntryBody, body) };
    const entry = await this.rpc.request(addEntryV1, input, requestContext(actor));
    void reply.status(201).header('location', `/api/v1/cases/${entry.caseNumber}/entries/${entry.id}`);
    return entry;
  }

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: "A page of the case's timeline, oldest first (order=desc: newest first), by cursor" })
  @ApiQuery({ name: 'order', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'kinds', required: false, description: `Comma-separated: ${EntryKindSchema.options.join(', ')}` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(EntryViewSchema)) })
  list(@Param('number') number: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(EntriesQuery, query) };
    return this.rpc.request(listEntriesV1, input, requestContext(actor));
  }

  @Get(':entryId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Read one entry of the case (404 ENTRY.NOT_FOUND if it belongs to another case)' })
  @ApiOkResponse({ schema: openApiOutput(EntryViewSchema) })
  get(@Param('number') number: string, @Param('entryId') entryId: string, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), entryId: parse(z.uuid(), entryId) };
    return this.rpc.request(getEntryV1, input, requestContext(actor));
  }
}
