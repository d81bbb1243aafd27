import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  ARTICLE_KINDS,
  type Actor,
  ArticleSummarySchema,
  FolderSchema,
  RefIdSchema,
  SaveFolderRequestV1,
  SearchResultSchema,
  SynonymGroupSchema,
  deleteSynonymGroupV1,
  folderTreeV1,
  listFolderArticlesV1,
  listLinkedArticlesV1,
  listSynonymGroupsV1,
  saveFolderV1,
  saveSynonymGroupV1,
  searchArticlesV1,
  suggestForCaseV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, KNOWLEDGE_EDITORS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse, queryFlag } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SearchQuery = searchArticlesV1.request.extend({
  kinds: z
    .string()
    .max(100)
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(ARTICLE_KINDS)).max(3))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const ListQuery = z.object({ includeDrafts: queryFlag });
const ArticlesList = z.object({ items: z.array(ArticleSummarySchema) });
const FolderBody = SaveFolderRequestV1.omit({ id: true });
const SynonymBody = saveSynonymGroupV1.request.omit({ id: true });
const SynonymParam = z.object({ id: z.uuid() });

/** Finding knowledge: search as you type, suggestions for a case, the folder tree, articles by case type. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class KnowledgeSearchController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('search')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Search published articles as you type: Swedish stemming, synonyms, spelling tolerance; exact titles first',
  })
  @ApiQuery({ name: 'q', description: 'What was typed; the last word counts as a prefix unless a space follows' })
  @ApiQuery({ name: 'kinds', required: false, description: 'Comma-separated: call_script, checklist, information' })
  @ApiQuery({ name: 'folderId', required: false, description: 'This folder and the folders below it' })
  @ApiQuery({ name: 'caseTypeId', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 10' })
  @ApiOkResponse({ schema: openApiOutput(SearchResultSchema) })
  search(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(searchArticlesV1, parse(SearchQuery, query), requestContext(actor));
  }

  // A POST: a case's description may hold personal data, which must not stand in a URL.
  @Post('suggestions')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Articles that may answer a case, from its title and description' })
  @ApiBody({ schema: openApiSchema(suggestForCaseV1.request) })
  @ApiOkResponse({ schema: openApiOutput(SearchResultSchema) })
  suggest(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(suggestForCaseV1, parse(suggestForCaseV1.request, body), requestContext(actor));
  }

  @Get('case-types/:caseTypeId/articles')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The articles linked to a case type, by title (drafts too for editors who ask)' })
  @ApiQuery({ name: 'includeDrafts', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(ArticlesList) })
  forCaseType(@Param('caseTypeId') caseTypeId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { kind: 'case_type' as const, targetId: parse(RefIdSchema, caseTypeId), ...parse(ListQuery, query) };
    return this.rpc.request(listLinkedArticlesV1, input, requestContext(actor));
  }

  @Get('categories/:categoryId/articles')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The articles linked to a category, by title (drafts too for editors who ask)' })
  @ApiQuery({ name: 'includeDrafts', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(ArticlesList) })
  forCategory(@Param('categoryId') categoryId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { kind: 'category' as const, targetId: parse(RefIdSchema, categoryId), ...parse(ListQuery, query) };
    return this.rpc.request(listLinkedArticlesV1, input, requestContext(actor));
  }

  @Get('folders')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The folder tree' })
  @ApiOkResponse({ schema: openApiOutput(folderTreeV1.response) })
  tree(@CurrentActor() actor: Actor) {
    return this.rpc.request(folderTreeV1, {}, requestContext(actor));
  }

  @Get('folders/:folderId/articles')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The articles directly in a folder, by title' })
  @ApiQuery({ name: 'includeDrafts', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiOutput(ArticlesList) })
  inFolder(@Param('folderId') folderId: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { folderId: parse(z.uuid(), folderId), ...parse(ListQuery, query) };
    return this.rpc.request(listFolderArticlesV1, input, requestContext(actor));
  }

  @Post('folders')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Create a folder (editors)' })
  @ApiBody({ schema: openApiSchema(FolderBody) })
  @ApiOkResponse({ schema: openApiOutput(FolderSchema) })
  createFolder(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(saveFolderV1, parse(FolderBody, body), requestContext(actor));
  }

  @Put('folders/:folderId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Rename or move a folder (editors); not under itself' })
  @ApiBody({ schema: openApiSchema(FolderBody) })
  @ApiOkResponse({ schema: openApiOutput(FolderSchema) })
  saveFolder(@Param('folderId') folderId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { id: parse(z.uuid(), folderId), ...parse(FolderBody, body) };
    return this.rpc.request(saveFolderV1, input, requestContext(actor));
  }

  @Get('synonyms')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The synonym groups search expands queries with' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(SynonymGroupSchema) })) })
  synonyms(@CurrentActor() actor: Actor) {
    return this.rpc.request(listSynonymGroupsV1, {}, requestContext(actor));
  }

  @Post('synonyms')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Add a synonym group (editors); a word may be in one group only' })
  @ApiBody({ schema: openApiSchema(SynonymBody) })
  @ApiOkResponse({ schema: openApiOutput(SynonymGroupSchema) })
  addSynonyms(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(saveSynonymGroupV1, parse(SynonymBody, body), requestContext(actor));
  }

  @Put('synonyms/:synonymId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Replace the words of a synonym group (editors)' })
  @ApiBody({ schema: openApiSchema(SynonymBody) })
  @ApiOkResponse({ schema: openApiOutput(SynonymGroupSchema) })
  saveSynonyms(@Param('synonymId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(SynonymParam, { id }), ...parse(SynonymBody, body) };
    return this.rpc.request(saveSynonymGroupV1, input, requestContext(actor));
  }

  @Delete('synonyms/:synonymId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Delete a synonym group (editors; idempotent)' })
  @ApiOkResponse({ schema: openApiOutput(deleteSynonymGroupV1.response) })
  deleteSynonyms(@Param('synonymId') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(deleteSynonymGroupV1, parse(SynonymParam, { id }), requestContext(actor));
  }
}
