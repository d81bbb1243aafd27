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
  CaseCustomersSchema,
  CaseNumberSchema,
  CreateCustomerRequestV1,
  CustomerCaseSchema,
  CustomerRefSchema,
  CustomerViewSchema,
  SearchCustomersRequestV1,
  UpdateCustomerRequestV1,
  createCustomerV1,
  getCustomerV1,
  linkCustomerV1,
  listCaseCustomersV1,
  listCustomerCasesV1,
  pageSchema,
  searchCustomersV1,
  unlinkCustomerV1,
  updateCustomerV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const UpdateBody = UpdateCustomerRequestV1.omit({ id: true });
const CasesQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const CustomerParam = z.object({ customerId: z.uuid() });

/**
 * Customer cards (kundkort) and their links to cases. Search is a POST so that personnummer, e-mail
 * addresses and phone numbers never stand in a URL, where proxies and access logs would keep them.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1')
export class CustomerController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('customers')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Register a customer card; personnummer, organisation number and phones are checked' })
  @ApiBody({ schema: openApiSchema(CreateCustomerRequestV1) })
  @ApiCreatedResponse({ schema: openApiOutput(CustomerViewSchema) })
  async create(@Body() body: unknown, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.request(
      createCustomerV1,
      parse(CreateCustomerRequestV1, body),
      requestContext(actor),
    );
    void reply.status(201).header('location', `/api/v1/customers/${created.id}`);
    return created;
  }

  @Post('customers/search')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: 'Find customer cards by exactly one of pin, email, phone, name; ordered by name, by cursor',
  })
  @ApiBody({ schema: openApiSchema(SearchCustomersRequestV1) })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(CustomerViewSchema)) })
  search(@Body() body: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(searchCustomersV1, parse(SearchCustomersRequestV1, body), requestContext(actor));
  }

  @Get('customers/:id')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Read a customer card' })
  @ApiOkResponse({ schema: openApiOutput(CustomerViewSchema) })
  get(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(getCustomerV1, parse(CustomerRefSchema, { id }), requestContext(actor));
  }

  @Patch('customers/:id')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary: 'Change fields of a customer card; send the version you read (409 CUSTOMER.VERSION_CONFLICT if stale)',
  })
  @ApiBody({ schema: openApiSchema(UpdateBody) })
  @ApiOkResponse({ schema: openApiOutput(CustomerViewSchema) })
  update(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(CustomerRefSchema, { id }), ...parse(UpdateBody, body) };
    return this.rpc.request(updateCustomerV1, input, requestContext(actor));
  }

  @Get('customers/:id/cases')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The cases a customer card is linked to, newest first, by cursor' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 20' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(CustomerCaseSchema)) })
  cases(@Param('id') id: string, @Query() query: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(CustomerRefSchema, { id }), ...parse(CasesQuery, query) };
    return this.rpc.request(listCustomerCasesV1, input, requestContext(actor));
  }

  @Get('cases/:number/customers')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'The customer cards linked to a case, in the order they were linked' })
  @ApiOkResponse({ schema: openApiOutput(CaseCustomersSchema) })
  listForCase(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(listCaseCustomersV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }

  @Put('cases/:number/customers/:customerId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Link a customer card to a case; linking it again changes nothing' })
  @ApiOkResponse({ schema: openApiOutput(CaseCustomersSchema) })
  link(@Param('number') number: string, @Param('customerId') customerId: string, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(CustomerParam, { customerId }) };
    return this.rpc.request(linkCustomerV1, input, requestContext(actor));
  }

  @Delete('cases/:number/customers/:customerId')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Remove a customer card from a case; removing one that is not linked changes nothing' })
  @ApiOkResponse({ schema: openApiOutput(CaseCustomersSchema) })
  unlink(@Param('number') number: string, @Param('customerId') customerId: string, @CurrentActor() actor: Actor) {
    const input = { number: parse(CaseNumberSchema, number), ...parse(CustomerParam, { customerId }) };
    return this.rpc.request(unlinkCustomerV1, input, requestContext(actor));
  }
}
