import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
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
  CaseStatusSchema,
  INBOX_SORTS,
  InboxCountsSchema,
  InboxPageSchema,
  InboxSchema,
  RefIdSchema,
  countInboxV1,
  getInboxV1,
  listInboxV1,
  listInboxesV1,
  saveInboxV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_READERS, CASE_WORKERS, INBOX_OVERSEERS, ROUTING_ADMINS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { IncludeInactiveQuery, parse, queryFlag } from '../http/parse.js';
import { requestContext } from './case.controller.js';

/** `assigneeId=none`: the cases nobody has taken. */
const UNASSIGNED = 'none';

const InboxFilterQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? undefined : s.split(',')))
    .pipe(z.array(CaseStatusSchema).min(1).max(8).optional()),
  assigneeId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .transform((id) => (id === UNASSIGNED ? null : id)),
});

const InboxQuery = InboxFilterQuery.extend({
  sort: z.enum(INBOX_SORTS, { error: `sort must be one of: ${INBOX_SORTS.join(', ')}` }).default('priority'),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `targets=true`: every active inbox, to choose where a case is distributed (names and kinds are no secret). */
const ListInboxesQuery = IncludeInactiveQuery.extend({ targets: queryFlag });

const CreateInboxBody = saveInboxV1.request.omit({ version: true });
const ChangeInboxBody = saveInboxV1.request.omit({ id: true }).extend({ version: z.number().int().positive() });

/** The inbox groups of a caller's token (`/inbox/<id>`); other groups say nothing about inboxes. */
function inboxGroupsOf(actor: Actor): string[] {
  return (actor.groups ?? []).filter((group) => group.startsWith('/inbox/'));
}

/**
 * Inboxes (owned by routing) and the cases in one (case-core). Case workers see the inboxes of their own groups,
 * supervisors and administrators every inbox; only administrators create and change them.
 */
@ApiTags('inboxes')
@ApiBearerAuth()
@Controller('api/v1/inboxes')
export class InboxController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Inboxes by name: your own (your /inbox/… groups); supervisors and administrators see every inbox; ' +
      'targets=true: every active inbox, to distribute a case to',
  })
  @ApiQuery({ name: 'includeInactive', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'targets', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(listInboxesV1.response) })
  listInboxes(@Query() query: unknown, @CurrentActor() actor: Actor) {
    const { includeInactive, targets } = parse(ListInboxesQuery, query);
    const every = targets || INBOX_OVERSEERS.some((role) => actor.roles.includes(role));
    return this.rpc.request(
      listInboxesV1,
      { includeInactive: includeInactive && !targets, ...(every ? {} : { groups: inboxGroupsOf(actor) }) },
      requestContext(actor),
    );
  }

  @Post()
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({ summary: 'Create an inbox (administrators); without an id one is made' })
  @ApiBody({ schema: openApiSchema(CreateInboxBody) })
  @ApiCreatedResponse({ schema: openApiOutput(InboxSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(saveInboxV1, parse(CreateInboxBody, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/inboxes/${created.id}`);
    return created;
  }

  @Get(':inboxId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'One inbox with its kind, assignment mode, identity group and external organisation' })
  @ApiOkResponse({ schema: openApiOutput(InboxSchema) })
  get(@Param('inboxId') inboxId: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getInboxV1, { id: parse(RefIdSchema, inboxId) }, requestContext(actor));
  }

  @Put(':inboxId')
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({
    summary:
      'Change an inbox at the version you read (administrators; 409 ROUTING.VERSION_CONFLICT if stale); a rename keeps the id, inactive instead of deleted',
  })
  @ApiBody({ schema: openApiSchema(ChangeInboxBody) })
  @ApiOkResponse({ schema: openApiOutput(InboxSchema) })
  change(@Param('inboxId') inboxId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ChangeInboxBody, body), id: parse(RefIdSchema, inboxId) };
    return this.rpc.request(saveInboxV1, input, requestContext(actor));
  }

  @Get(':inboxId/cases')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary:
      'The cases of an inbox in a sort (default priority: urgent, prioritised, normal; oldest first within each), by cursor; total (exact) on the first page',
  })
  @ApiQuery({ name: 'status', required: false, description: 'Comma-separated statuses (default: all but closed)' })
  @ApiQuery({ name: 'sort', required: false, enum: INBOX_SORTS, description: '-: newest or highest first' })
  @ApiQuery({ name: 'assigneeId', required: false, description: `One handler's cases; ${UNASSIGNED}: unassigned ones` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page (of the same sort)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(InboxPageSchema) })
  list(@Param('inboxId') inboxId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const { status, assigneeId, sort, cursor, limit } = parse(InboxQuery, query);
    return this.rpc.request(
      listInboxV1,
      { inboxId: parse(RefIdSchema, inboxId), statuses: status, assigneeId, sort, cursor, limit },
      requestContext(actor),
    );
  }

  @Get(':inboxId/counts')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'How many cases an inbox has per status, per priority and per handler (for grouped views)' })
  @ApiQuery({ name: 'status', required: false, description: 'Comma-separated statuses (default: all but closed)' })
  @ApiQuery({ name: 'assigneeId', required: false, description: `One handler's cases; ${UNASSIGNED}: unassigned ones` })
  @ApiOkResponse({ schema: openApiOutput(InboxCountsSchema) })
  counts(@Param('inboxId') inboxId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const { status, assigneeId } = parse(InboxFilterQuery, query);
    return this.rpc.request(
      countInboxV1,
      { inboxId: parse(RefIdSchema, inboxId), statuses: status, assigneeId },
      requestContext(actor),
    );
  }
}
