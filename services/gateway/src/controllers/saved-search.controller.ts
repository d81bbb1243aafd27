import { Body, Controller, Delete, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Actor,
  SavedSearchNameSchema,
  SavedSearchSchema,
  SaveSearchRequestV1,
  listSavedSearchesV1,
  removeSavedSearchV1,
  saveSearchV1,
} from '@arende/contracts';
import { RpcClient } from '@arende/messaging';
import { z } from 'zod';
import { CurrentActor } from '../auth/principal.decorator.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { openApiOutput, openApiSchema } from '../http/openapi.js';
import { parse } from '../http/parse.js';
import { requestContext } from './case.controller.js';

const SaveBody = SaveSearchRequestV1.omit({ name: true });

/** Saved inbox searches (the web client's quick menu) belong to the caller: the token's subject, never a parameter. */
@ApiTags('saved searches')
@ApiBearerAuth()
@Controller('api/v1/saved-searches')
export class SavedSearchController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Your saved inbox searches, by name' })
  @ApiOkResponse({ schema: openApiOutput(z.object({ items: z.array(SavedSearchSchema) })) })
  list(@CurrentActor() actor: Actor) {
    return this.rpc.request(listSavedSearchesV1, {}, requestContext(actor));
  }

  @Put(':name')
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Save an inbox search under a name: { inboxId, query } (the inbox view’s URL query); one of the same name, in any case, is replaced',
  })
  @ApiBody({ schema: openApiSchema(SaveBody) })
  @ApiOkResponse({ schema: openApiOutput(SavedSearchSchema) })
  save(@Param('name') name: string, @Body() body: unknown, @CurrentActor() actor: Actor) {
    const input = { ...parse(SaveBody, body), name: parse(SavedSearchNameSchema, name) };
    return this.rpc.request(saveSearchV1, input, requestContext(actor));
  }

  @Delete(':name')
  @Roles(...CASE_WORKERS)
  @ApiOperation({ summary: 'Remove one of your saved searches (idempotent)' })
  @ApiOkResponse({ schema: openApiOutput(removeSavedSearchV1.response) })
  remove(@Param('name') name: string, @CurrentActor() actor: Actor) {
    return this.rpc.request(removeSavedSearchV1, { name: parse(SavedSearchNameSchema, name) }, requestContext(actor));
  }
}
