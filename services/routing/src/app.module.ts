import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { Logger, Metrics } from '@arende/observability';
import { type MessagingNames, OutboxRelay, RpcServer } from '@arende/messaging';
import type { RoutingConfig } from './config.js';
import { RoutingHandler } from './handlers/routing.handler.js';
import { InboxRepository } from './repositories/inbox.repository.js';
import { ReferenceRepository } from './repositories/reference.repository.js';
import { TemplateRepository } from './repositories/template.repository.js';
import { InboxService } from './services/inbox.service.js';
import { MatchService } from './services/match.service.js';
import { ReferenceService } from './services/reference.service.js';
import { TemplateService } from './services/template.service.js';

/** What routing runs on; main.ts connects it, tests hand in their own. */
export interface RoutingInfrastructure {
  config: RoutingConfig;
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
}

const INFRASTRUCTURE = Symbol('RoutingInfrastructure');

/** Starts and stops what listens and what runs on a schedule: the RPC subjects, the relay, the rules refresh. */
class RoutingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: RoutingInfrastructure,
    @Inject(RoutingHandler) private readonly handler: RoutingHandler,
    @Inject(MatchService) private readonly matching: MatchService,
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.handler.listen();
    this.timer = setInterval(() => {
      this.matching
        .refresh()
        .catch((error: unknown) => this.infra.logger.error({ err: error }, 'Looking for changed templates failed'));
    }, this.infra.config.RULES_REFRESH_SECONDS * 1000);
    this.timer.unref();
    this.infra.logger.info({ prefix: this.infra.names.prefix }, 'routing listening');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.rpc.close();
    await this.relay.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(infra: RoutingInfrastructure): DynamicModule {
    const schema = infra.config.DB_SCHEMA;
    const references = new ReferenceRepository(infra.dataSource, schema);
    const templates = new TemplateRepository(infra.dataSource, schema);
    const inboxes = new InboxRepository(infra.dataSource, schema);
    return {
      module: AppModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infra },
        {
          provide: OutboxRelay,
          useFactory: () =>
            new OutboxRelay({
              dataSource: infra.dataSource,
              schema,
              js: infra.js,
              names: infra.names,
              logger: infra.logger,
              retentionDays: infra.config.OUTBOX_RETENTION_DAYS,
              metrics: infra.metrics,
            }),
        },
        {
          provide: RpcServer,
          useFactory: () =>
            new RpcServer({
              nc: infra.nc,
              names: infra.names,
              service: 'routing',
              logger: infra.logger,
              metrics: infra.metrics,
            }),
        },
        { provide: MatchService, useFactory: () => new MatchService(templates, references, infra.logger) },
        {
          provide: RoutingHandler,
          useFactory: (rpc: RpcServer, relay: OutboxRelay, matching: MatchService) =>
            new RoutingHandler(
              rpc,
              new ReferenceService(infra.dataSource, references, relay, schema),
              new TemplateService(
                infra.dataSource,
                templates,
                references,
                inboxes,
                { nudge: () => relay.nudge(), templatesChanged: () => matching.templatesChanged() },
                schema,
              ),
              matching,
              new InboxService(infra.dataSource, inboxes, references, relay, schema),
            ),
          inject: [RpcServer, OutboxRelay, MatchService],
        },
        RoutingLifecycle,
      ],
    };
  }
}
