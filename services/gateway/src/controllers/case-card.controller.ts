import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  type CaseCard,
  CaseCardSchema,
  CaseNumberSchema,
  getCaseV1,
  getRelationsV1,
  listCaseCustomersV1,
  listEntriesV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const CardQuery = z.object({ entries: z.coerce.number().int().min(1).max(50).default(20) });

/** The case card in one round trip: the gateway asks case-core for its four parts in parallel. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CaseCardController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get(':number/card')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'What the case card opens with: the case, the newest entries of its timeline, its customer cards and relations (404 CASE.NOT_FOUND as for the case)',
  })
  @ApiQuery({
    name: 'entries',
    required: false,
    description: 'Entries of the timeline, newest first: 1–50, default 20',
  })
  @ApiOkResponse({ schema: openApiOutput(CaseCardSchema) })
  async card(
    @Param('number') number: string,
    @Query() query: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseCard> {
    const ref = { number: parse(CaseNumberSchema, number) };
    const { entries } = parse(CardQuery, query);
    const context = requestContext(actor);
    // Each part checks the caller's access itself; a case the caller may not see fails them all alike.
    const [found, timeline, customers, relations] = await Promise.all([
      this.rpc.request(getCaseV1, ref, context),
      this.rpc.request(listEntriesV1, { ...ref, order: 'desc', limit: entries }, context),
      this.rpc.request(listCaseCustomersV1, ref, context),
      this.rpc.request(getRelationsV1, ref, context),
    ]);
    return { case: found, timeline, customers: customers.items, relations };
  }
}
