import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Logger, correlationHook } from '@arende/observability';
import { AppModule, type GatewayDependencies } from './app.module.js';
import { ErrorFilter, toErrorBody } from './http/error.filter.js';

export interface GatewayOptions extends GatewayDependencies {
  logger: Logger;
  host: string;
  port: number;
}

/** Builds and starts the HTTP API; returns the listening app. */
export async function startGateway(options: GatewayOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ logger: false, bodyLimit: 1024 * 1024, maxParamLength: 200 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: false,
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', correlationHook);
  // Errors raised by fastify itself (bad JSON, wrong content type, too large) before Nest sees the request.
  fastify.setErrorHandler((error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(error, options.logger);
    void reply.status(status).send(body);
  });
  app.useGlobalFilters(new ErrorFilter(options.logger));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ärende API')
      .setDescription(
        'HTTP API of Ärende for the agent web client. Every route needs a bearer token from the city’s issuer.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });

  await app.listen(options.port, options.host);
  return app;
}
