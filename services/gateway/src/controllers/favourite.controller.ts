import { Controller, Delete, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type Actor,
  CaseNumberSchema,
  FavouriteCaseSchema,
  FavouriteStateSchema,
  addFavouriteV1,
  listFavouritesV1,
  pageSchema,
  removeFavouriteV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const ListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Favourites belong to the caller: the token's subject, never a parameter. */
@ApiTags('favourites')
@ApiBearerAuth()
@Controller('api/v1')
export class FavouriteController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put('cases/:number/favourite')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Mark a case as one of your favourites (idempotent)' })
  @ApiOkResponse({ schema: openApiOutput(FavouriteStateSchema) })
  add(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(addFavouriteV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }

  @Delete('cases/:number/favourite')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Remove a case from your favourites (idempotent)' })
  @ApiOkResponse({ schema: openApiOutput(FavouriteStateSchema) })
  remove(@Param('number') number: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(removeFavouriteV1, { number: parse(CaseNumberSchema, number) }, requestContext(actor));
  }

  @Get('favourites')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Your favourite cases, the latest marked first; by cursor' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ schema: openApiOutput(pageSchema(FavouriteCaseSchema)) })
  list(@Query() query: unknown, @CurrentActor() actor: Actor) {
    return this.rpc.request(listFavouritesV1, parse(ListQuery, query), requestContext(actor));
  }
}
