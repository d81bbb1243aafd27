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
  TemplateSchema,
  getTemplateV1,
  listTemplatesV1,
  saveTemplateV1,
  searchTemplatesV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, ROUTING_ADMINS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { IncludeInactiveQuery, parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SearchQuery = z.object({
  q: searchTemplatesV1.request.shape.q,
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const CreateTemplateBody = saveTemplateV1.request.omit({ version: true });
const ChangeTemplateBody = saveTemplateV1.request.omit({ id: true }).extend({ version: z.number().int().positive() });

/** Templates (mallärenden, owned by routing): case workers read and search them, administrators write them. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/v1/templates')
export class TemplateController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Every template, in the order their matching rules are tried' })
  @ApiQuery({ name: 'includeInactive', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(listTemplatesV1.response) })
  list(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(listTemplatesV1, parse(IncludeInactiveQuery, query), requestContext(actor));
  }

  @Get('search')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Quick registration: the active case types and templates with a word of their name, title or keywords beginning with q',
  })
  @ApiQuery({ name: 'q', required: true, description: 'What the agent typed, e.g. "bygglov"' })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 20' })
  @ApiOkResponse({ schema: openApiOutput(searchTemplatesV1.response) })
  search(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(searchTemplatesV1, parse(SearchQuery, query), requestContext(actor));
  }

  @Post()
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({
    summary:
      'Create a template with its matching rules (administrators); unknown references give 422 ROUTING.REFERENCE_UNKNOWN, refused patterns 422 ROUTING.RULE_INVALID',
  })
  @ApiBody({ schema: openApiSchema(CreateTemplateBody) })
  @ApiCreatedResponse({ schema: openApiOutput(TemplateSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(saveTemplateV1, parse(CreateTemplateBody, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/templates/${created.id}`);
    return created;
  }

  @Get(':templateId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'One template with everything it pre-fills and its matching rules' })
  @ApiOkResponse({ schema: openApiOutput(TemplateSchema) })
  get(@Param('templateId') templateId: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getTemplateV1, { id: parse(RefIdSchema, templateId) }, requestContext(actor));
  }

  @Put(':templateId')
  @Roles(...ROUTING_ADMINS)
  @ApiOperation({
    summary:
      'Change a template at the version you read (administrators; 409 ROUTING.VERSION_CONFLICT if stale); inactive instead of deleted',
  })
  @ApiBody({ schema: openApiSchema(ChangeTemplateBody) })
  @ApiOkResponse({ schema: openApiOutput(TemplateSchema) })
  change(@Param('templateId') templateId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ChangeTemplateBody, body), id: parse(RefIdSchema, templateId) };
    return this.rpc.request(saveTemplateV1, input, requestContext(actor));
  }
}
