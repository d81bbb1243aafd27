import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
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
  ArticleFromCaseRequestV1,
  ArticleIdSchema,
  ArticleLinkSchema,
  ArticleVersionSchema,
  ArticleViewSchema,
  CreateArticleRequestV1,
  DecideProposalRequestV1,
  ProposalSchema,
  ProposalStatusSchema,
  ProposeChangeRequestV1,
  PublishArticleRequestV1,
  RateArticleRequestV1,
  RatingStateSchema,
  UpdateArticleRequestV1,
  acceptProposalV1,
  articleFromCaseV1,
  createArticleV1,
  getArticleV1,
  linkArticleV1,
  listArticleVersionsV1,
  listProposalsV1,
  proposeChangeV1,
  publishArticleV1,
  rateArticleV1,
  rejectProposalV1,
  unlinkArticleV1,
  unpublishArticleV1,
  updateArticleV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, KNOWLEDGE_EDITORS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const ArticleParam = z.object({ id: ArticleIdSchema });
const UpdateBody = UpdateArticleRequestV1.omit({ id: true });
const VersionBody = PublishArticleRequestV1.omit({ id: true });
const RateBody = RateArticleRequestV1.omit({ id: true });
const ProposeBody = ProposeChangeRequestV1.omit({ id: true });
const DecideBody = DecideProposalRequestV1.omit({ proposalId: true });
const ProposalParam = z.object({ proposalId: z.uuid() });
const ProposalsQuery = z.object({ articleId: ArticleIdSchema.optional(), status: ProposalStatusSchema.optional() });
const LinksSchema = z.object({ id: ArticleIdSchema, links: z.array(ArticleLinkSchema) });

/**
 * Knowledge articles: anyone who works cases reads, writes drafts, rates and proposes changes; editors publish,
 * link and decide proposals. The knowledge service applies the same rules (an author edits their own draft).
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class KnowledgeArticleController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('articles')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Write a new article as a draft' })
  @ApiBody({ schema: openApiSchema(CreateArticleRequestV1) })
  @ApiCreatedResponse({ schema: openApiOutput(ArticleViewSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(createArticleV1, parse(CreateArticleRequestV1, body), requestContext(actor));
    void reply.status(201).header('location', `/api/v1/knowledge/articles/${created.id}`);
    return created;
  }

  @Post('articles/from-case')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Make a draft call script from a case’s question and answer, linked to its case type' })
  @ApiBody({ schema: openApiSchema(ArticleFromCaseRequestV1) })
  @ApiCreatedResponse({ schema: openApiOutput(ArticleViewSchema) })
  async fromCase(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = parse(ArticleFromCaseRequestV1, body);
    const created = await this.rpc.request(articleFromCaseV1, input, requestContext(actor));
    void reply.status(201).header('location', `/api/v1/knowledge/articles/${created.id}`);
    return created;
  }

  @Get('articles/:articleId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Read an article with its links, its rating and your own rating' })
  @ApiOkResponse({ schema: openApiOutput(ArticleViewSchema) })
  get(@Param('articleId') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getArticleV1, parse(ArticleParam, { id }), requestContext(actor));
  }

  @Patch('articles/:articleId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: 'Save a new version; send the version you read (409 KNOWLEDGE.VERSION_CONFLICT if stale)',
  })
  @ApiBody({ schema: openApiSchema(UpdateBody) })
  @ApiOkResponse({ schema: openApiOutput(ArticleViewSchema) })
  update(@Param('articleId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ArticleParam, { id }), ...parse(UpdateBody, body) };
    return this.rpc.request(updateArticleV1, input, requestContext(actor));
  }

  @Get('articles/:articleId/versions')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The article’s history, newest first: who changed what, and from which proposal' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(ArticleVersionSchema) })) })
  versions(@Param('articleId') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(listArticleVersionsV1, parse(ArticleParam, { id }), requestContext(actor));
  }

  @Post('articles/:articleId/publish')
  @HttpCode(200)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Publish the version you read (editors)' })
  @ApiBody({ schema: openApiSchema(VersionBody) })
  @ApiOkResponse({ schema: openApiOutput(ArticleViewSchema) })
  publish(@Param('articleId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ArticleParam, { id }), ...parse(VersionBody, body) };
    return this.rpc.request(publishArticleV1, input, requestContext(actor));
  }

  @Post('articles/:articleId/unpublish')
  @HttpCode(200)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Withdraw an article to draft (editors)' })
  @ApiBody({ schema: openApiSchema(VersionBody) })
  @ApiOkResponse({ schema: openApiOutput(ArticleViewSchema) })
  unpublish(@Param('articleId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ArticleParam, { id }), ...parse(VersionBody, body) };
    return this.rpc.request(unpublishArticleV1, input, requestContext(actor));
  }

  @Put('articles/:articleId/links/:kind/:targetId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Link the article to a case type or category (editors; idempotent)' })
  @ApiOkResponse({ schema: openApiOutput(LinksSchema) })
  link(
    @Param('articleId') id: string,
    @Param('kind') kind: string,
    @Param('targetId') targetId: string,
    @CurrentActor() actor: Actor,
  ) {
    const input = { ...parse(ArticleParam, { id }), link: parse(ArticleLinkSchema, { kind, targetId }) };
    return this.rpc.request(linkArticleV1, input, requestContext(actor));
  }

  @Delete('articles/:articleId/links/:kind/:targetId')
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Remove a link between the article and a case type or category (editors)' })
  @ApiOkResponse({ schema: openApiOutput(LinksSchema) })
  unlink(
    @Param('articleId') id: string,
    @Param('kind') kind: string,
    @Param('targetId') targetId: string,
    @CurrentActor() actor: Actor,
  ) {
    const input = { ...parse(ArticleParam, { id }), link: parse(ArticleLinkSchema, { kind, targetId }) };
    return this.rpc.request(unlinkArticleV1, input, requestContext(actor));
  }

  @Put('articles/:articleId/rating')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Rate a published article 1–5; your new rating replaces your last' })
  @ApiBody({ schema: openApiSchema(RateBody) })
  @ApiOkResponse({ schema: openApiOutput(RatingStateSchema) })
  rate(@Param('articleId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ArticleParam, { id }), ...parse(RateBody, body) };
    return this.rpc.request(rateArticleV1, input, requestContext(actor));
  }

  @Post('articles/:articleId/proposals')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Propose a change to an article; an editor accepts or rejects it' })
  @ApiBody({ schema: openApiSchema(ProposeBody) })
  @ApiCreatedResponse({ schema: openApiOutput(ProposalSchema) })
  propose(@Param('articleId') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ArticleParam, { id }), ...parse(ProposeBody, body) };
    return this.rpc.request(proposeChangeV1, input, requestContext(actor));
  }

  @Get('proposals')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Change proposals, newest first: editors see all, others their own' })
  @ApiQuery({ name: 'articleId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'accepted', 'rejected'] })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(ProposalSchema) })) })
  proposals(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(listProposalsV1, parse(ProposalsQuery, query), requestContext(actor));
  }

  @Post('proposals/:proposalId/accept')
  @HttpCode(200)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Accept a proposal: it becomes a new version of the article (editors)' })
  @ApiBody({ schema: openApiSchema(DecideBody) })
  @ApiOkResponse({ schema: openApiOutput(acceptProposalV1.response) })
  accept(@Param('proposalId') proposalId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ProposalParam, { proposalId }), ...parse(DecideBody, body ?? {}) };
    return this.rpc.request(acceptProposalV1, input, requestContext(actor));
  }

  @Post('proposals/:proposalId/reject')
  @HttpCode(200)
  @Roles(...KNOWLEDGE_EDITORS)
  @ApiOperation({ summary: 'Reject a proposal with a note to the proposer (editors)' })
  @ApiBody({ schema: openApiSchema(DecideBody) })
  @ApiOkResponse({ schema: openApiOutput(ProposalSchema) })
  reject(@Param('proposalId') proposalId: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(ProposalParam, { proposalId }), ...parse(DecideBody, body ?? {}) };
    return this.rpc.request(rejectProposalV1, input, requestContext(actor));
  }
}
