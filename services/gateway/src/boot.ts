import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type Logger, type Metrics, correlationHook } from '@arende/observability';
import { AppModule, type GatewayDependencies } from './app.module.js';
import { ErrorFilter } from './http/error.filter.js';
import { DEFAULT_HARDENING, type HardeningOptions, applyHardening } from './http/hardening.js';
import { type WebClientOptions, serveWebClient } from './http/web-client.js';

export interface GatewayOptions extends GatewayDependencies {
  logger: Logger;
  metrics: Metrics;
  host: string;
  port: number;
  /** Security headers, CORS and rate limits (default {@link DEFAULT_HARDENING}). */
  hardening?: HardeningOptions;
  /** The agent web client served at `/` (none when not given). */
  web?: WebClientOptions;
}

/** Builds and starts the HTTP API; returns the listening app. */
export async function startGateway(options: GatewayOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ logger: false, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 200 } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: false,
    bufferLogs: false,
    // Live streams are ended by their hub on shutdown; a socket still open after that does not hold the close.
    forceCloseConnections: true,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', correlationHook);
  await applyHardening(app, options.verifier, options.hardening ?? DEFAULT_HARDENING);
  // One histogram observation per request, labelled with the route pattern (never the raw URL).
  fastify.addHook('onResponse', (request, reply, done) => {
    options.metrics.httpRequestDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    done();
  });
  // A JSON API: a body of another type is a 415, not a string that then fails validation.
  fastify.removeContentTypeParser('text/plain');
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

  if (options.web) await serveWebClient(app, options.web, options.logger);

  await app.listen(options.port, options.host);
  return app;
}
