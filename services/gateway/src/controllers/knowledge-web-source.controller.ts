import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  SaveWebSourceRequestV1,
  WebSourceSchema,
  listWebSourcesV1,
  refreshWebSourceV1,
  saveWebSourceV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { KNOWLEDGE_EDITORS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SourceBody = SaveWebSourceRequestV1.omit({ id: true });
const SourceParam = z.object({ id: z.uuid() });

/** Sitemaps of the city's website whose pages the knowledge base keeps as articles (editors). */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/web-sources')
export class KnowledgeWebSourceController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'The sitemaps imported from, with what their last run did (editors)' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(WebSourceSchema) })) })
  list(@CurrentActor() actor: Actor) {
    return this.rpc.request(listWebSourcesV1, {}, requestContext(actor));
  }

  @Post()
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Import the pages of a sitemap as articles, read again every refreshMinutes (editors)' })
  @ApiBody({ schema: openApiSchema(SourceBody) })
  @ApiOkResponse({ schema: openApiOutput(WebSourceSchema) })
  add(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(saveWebSourceV1, parse(SourceBody, body), requestContext(actor));
  }

  @Put(':webSourceId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Change a sitemap source (editors)' })
  @ApiBody({ schema: openApiSchema(SourceBody) })
  @ApiOkResponse({ schema: openApiOutput(WebSourceSchema) })
  save(@Param('webSourceId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(SourceParam, { id }), ...parse(SourceBody, body) };
    return this.rpc.request(saveWebSourceV1, input, requestContext(actor));
  }

  @Post(':webSourceId/refresh')
  @HttpCode(200)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({
    summary: 'Read the sitemap and its changed pages now (editors); a large site is better left to the schedule',
  })
  @ApiOkResponse({ schema: openApiOutput(WebSourceSchema) })
  refresh(@Param('webSourceId') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(refreshWebSourceV1, parse(SourceParam, { id }), requestContext(actor));
  }
}
