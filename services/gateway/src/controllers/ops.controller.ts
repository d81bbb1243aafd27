import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpsHandler } from '@arende/observability';
import { Public } from '../auth/roles.decorator.js';

export const OPS_HANDLER = Symbol('OpsHandler');

/** /health/live, /health/ready and /metrics, without a token (the cluster's probes and Prometheus call them). */
@ApiExcludeController()
@Controller()
export class OpsController {
  constructor(@Inject(OPS_HANDLER) private readonly ops: OpsHandler) {}

  @Get(['health/live', 'health/ready', 'metrics'])
  @Public()
  async answer(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = request.url.split('?')[0];
    const result = await this.ops(path);
    if (!result) {
      await reply.status(404).send({ code: 'REQUEST.NOT_FOUND', message: 'Not found' });
      return;
    }
    await reply.status(result.status).header('content-type', result.contentType).send(result.body);
  }
}
