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
  RefIdSchema,
  StaffPersonSchema,
  getStaffV1,
  saveStaffV1,
  searchDirectoryV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SearchQuery = searchDirectoryV1.request.extend({
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const CreateBody = saveStaffV1.request.omit({ id: true, version: true });
const SaveBody = saveStaffV1.request.omit({ id: true });
const StaffParam = z.object({ id: RefIdSchema });

/** The staff directory (telefonkatalog): every case worker searches it; administrators keep it. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('api/v1/directory')
export class DirectoryController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Search the staff directory as you type: every word begins a word of the name, title, a skill, the department or the unit; name matches first',
  })
  @ApiQuery({ name: 'q', description: 'What was typed; the last word may be cut off' })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 20' })
  @ApiQuery({ name: 'inboxId', required: false, description: 'Only people who serve this inbox' })
  @ApiQuery({ name: 'departmentId', required: false, description: 'Only people of this department' })
  @ApiOkResponse({ schema: openApiOutput(searchDirectoryV1.response) })
  search(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(searchDirectoryV1, parse(SearchQuery, query), requestContext(actor));
  }

  @Get(':staffId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'One person of the directory with the names of their department and unit' })
  @ApiOkResponse({ schema: openApiOutput(getStaffV1.response) })
  get(@Param('staffId') staffId: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getStaffV1, parse(StaffParam, { id: staffId }), requestContext(actor));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a person to the directory (administrators); the unit must be under the department' })
  @ApiBody({ schema: openApiSchema(CreateBody) })
  @ApiCreatedResponse({ schema: openApiOutput(StaffPersonSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(saveStaffV1, parse(CreateBody, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/directory/${created.id}`);
    return created;
  }

  @Put(':staffId')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Change a person (administrators): send the version you read (409 ROUTING.VERSION_CONFLICT if stale); without a version, create the person with this id',
  })
  @ApiBody({ schema: openApiSchema(SaveBody) })
  @ApiOkResponse({ schema: openApiOutput(StaffPersonSchema) })
  save(@Param('staffId') staffId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(StaffParam, { id: staffId }), ...parse(SaveBody, body) };
    return this.rpc.request(saveStaffV1, input, requestContext(actor));
  }
}
