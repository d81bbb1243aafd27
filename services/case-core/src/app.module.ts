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
import { type MessagingNames, OutboxRelay, RpcClient, RpcServer } from '@arende/messaging';
import type { CaseCoreConfig } from './config.js';
import { CaseHandler } from './handlers/case.handler.js';
import { CustomerHandler } from './handlers/customer.handler.js';
import { CustomerRepository } from './repositories/customer.repository.js';
import { CustomerService } from './services/customer.service.js';
import { CaseCopyHandler } from './handlers/case-copy.handler.js';
import { CaseEventHandler } from './handlers/case-event.handler.js';
import { FavouriteHandler } from './handlers/favourite.handler.js';
import { SavedSearchHandler } from './handlers/saved-search.handler.js';
import { RelationHandler } from './handlers/relation.handler.js';
import { CaseCopyRepository } from './repositories/case-copy.repository.js';
import { CaseEventRepository } from './repositories/case-event.repository.js';
import { FavouriteRepository } from './repositories/favourite.repository.js';
import { SavedSearchRepository } from './repositories/saved-search.repository.js';
import { RelationRepository } from './repositories/relation.repository.js';
import { CaseCopyService } from './services/case-copy.service.js';
import { CaseEventService } from './services/case-event.service.js';
import { FavouriteService } from './services/favourite.service.js';
import { SavedSearchService } from './services/saved-search.service.js';
import { RelationService } from './services/relation.service.js';
import { EntryHandler } from './handlers/entry.handler.js';
import { CaseRepository } from './repositories/case.repository.js';
import { EntryRepository } from './repositories/entry.repository.js';
import { CaseService } from './services/case.service.js';
import { EntryService } from './services/entry.service.js';
import { stockholmYear } from './services/stockholm-time.js';
import { SecretReadHandler } from './handlers/secret-read.handler.js';
import { SecretReadAuditRepository } from './repositories/secret-read-audit.repository.js';
import { SecretReadService } from './services/secret-read.service.js';
import { IntakeCaseService } from './intake/intake-case.service.js';
import { createIntakeConsumer } from './intake/intake-consumer.js';
import { IntakeRegistrationService } from './intake/intake-registration.service.js';
import { ThreadKeyRepository } from './repositories/thread-key.repository.js';
import { AssignmentHandler } from './handlers/assignment.handler.js';
import { DistributionHandler } from './handlers/distribution.handler.js';
import { AssignmentRepository } from './repositories/assignment.repository.js';
import { AssignmentService } from './services/assignment.service.js';
import { DistributionService } from './services/distribution.service.js';
import { InboxLookup } from './services/inbox-lookup.js';
import { ReferralHandler } from './handlers/referral.handler.js';
import { ReferralRepository } from './repositories/referral.repository.js';
import { CaseRoutingService } from './services/case-routing.service.js';
import { ReferralService } from './services/referral.service.js';
import { TemplateRegistrationService } from './services/template-registration.service.js';
import { FollowUpHandler } from './handlers/follow-up.handler.js';
import { FollowUpService } from './services/follow-up.service.js';

/** What case-core runs on; main.ts connects it, tests hand in their own. */
export interface CaseCoreInfrastructure {
  config: CaseCoreConfig;
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
}

const INFRASTRUCTURE = Symbol('CaseCoreInfrastructure');

/** Starts and stops what listens: the RPC subjects and the outbox relay. */
class CaseCoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: CaseCoreInfrastructure,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(CaseHandler) private readonly handler: CaseHandler,
    @Inject(CustomerHandler) private readonly customerHandler: CustomerHandler,
    @Inject(RelationHandler) private readonly relationHandler: RelationHandler,
    @Inject(CaseCopyHandler) private readonly copyHandler: CaseCopyHandler,
    @Inject(FavouriteHandler) private readonly favouriteHandler: FavouriteHandler,
    @Inject(SavedSearchHandler) private readonly savedSearchHandler: SavedSearchHandler,
    @Inject(CaseEventHandler) private readonly eventHandler: CaseEventHandler,
    @Inject(EntryHandler) private readonly entryHandler: EntryHandler,
    @Inject(SecretReadHandler) private readonly secretReadHandler: SecretReadHandler,
    @Inject(AssignmentHandler) private readonly assignmentHandler: AssignmentHandler,
    @Inject(DistributionHandler) private readonly distributionHandler: DistributionHandler,
    @Inject(ReferralHandler) private readonly referralHandler: ReferralHandler,
    @Inject(FollowUpHandler) private readonly followUpHandler: FollowUpHandler,
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(IntakeCaseService) private readonly intake: IntakeCaseService,
  ) {}

  private intakeConsumer: ReturnType<typeof createIntakeConsumer> | undefined;

  async onApplicationBootstrap(): Promise<void> {
    const year = stockholmYear(new Date());
    await this.cases.ensureYearSequence(year);
    await this.cases.ensureYearSequence(year + 1);
    this.relay.start();
    this.handler.listen();
    this.customerHandler.listen();
    this.relationHandler.listen();
    this.copyHandler.listen();
    this.favouriteHandler.listen();
    this.savedSearchHandler.listen();
    this.eventHandler.listen();
    this.entryHandler.listen();
    this.secretReadHandler.listen();
    this.assignmentHandler.listen();
    this.distributionHandler.listen();
    this.referralHandler.listen();
    this.followUpHandler.listen();
    this.intakeConsumer = createIntakeConsumer({
      dataSource: this.infra.dataSource,
      schema: this.infra.config.DB_SCHEMA,
      js: this.infra.js,
      names: this.infra.names,
      logger: this.infra.logger,
      metrics: this.infra.metrics,
      intake: this.intake,
      relay: this.relay,
      concurrency: this.infra.config.INTAKE_CONSUMER_CONCURRENCY,
    });
    await this.intakeConsumer.start();
    this.infra.logger.info({ prefix: this.infra.names.prefix }, 'case-core listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.intakeConsumer?.stop();
    await this.rpc.close();
    await this.relay.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(infra: CaseCoreInfrastructure): DynamicModule {
    return {
      module: AppModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infra },
        {
          provide: CaseRepository,
          useFactory: () => new CaseRepository(infra.dataSource, infra.config.DB_SCHEMA),
        },
        {
          provide: OutboxRelay,
          useFactory: () =>
            new OutboxRelay({
              dataSource: infra.dataSource,
              schema: infra.config.DB_SCHEMA,
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
              service: 'case-core',
              logger: infra.logger,
              metrics: infra.metrics,
            }),
        },
        {
          provide: CaseService,
          useFactory: (cases: CaseRepository, relay: OutboxRelay) =>
            new CaseService(infra.dataSource, cases, relay, {
              defaultInboxId: infra.config.DEFAULT_INBOX_ID,
              closeUnansweredWarning: infra.config.CLOSE_UNANSWERED_WARNING,
            }),
          inject: [CaseRepository, OutboxRelay],
        },
        {
          provide: CaseRoutingService,
          useFactory: (inboxes: InboxLookup) =>
            new CaseRoutingService(
              new RpcClient({ nc: infra.nc, names: infra.names }),
              inboxes,
              { timeoutMs: infra.config.ROUTING_TIMEOUT_MS, attempts: infra.config.ROUTING_ATTEMPTS },
              infra.logger,
            ),
          inject: [InboxLookup],
        },
        {
          provide: CaseHandler,
          useFactory: (rpc: RpcServer, cases: CaseService, routing: CaseRoutingService) =>
            new CaseHandler(rpc, cases, new TemplateRegistrationService(cases, routing)),
          inject: [RpcServer, CaseService, CaseRoutingService],
        },
        {
          provide: ReferralService,
          useFactory: (cases: CaseRepository, entries: EntryService, relay: OutboxRelay) =>
            new ReferralService(
              infra.dataSource,
              cases,
              new ReferralRepository(infra.dataSource, infra.config.DB_SCHEMA),
              entries,
              new ThreadKeyRepository(infra.config.DB_SCHEMA),
              relay,
              {
                replyDays: infra.config.REFERRAL_REPLY_DAYS,
                maxAttachmentBytes: infra.config.REFERRAL_ATTACHMENTS_MAX_BYTES,
                messageIdDomain: infra.config.REFERRAL_MESSAGE_ID_DOMAIN,
              },
            ),
          inject: [CaseRepository, EntryService, OutboxRelay],
        },
        {
          provide: FollowUpHandler,
          useFactory: (
            rpc: RpcServer,
            cases: CaseService,
            rows: CaseRepository,
            entries: EntryService,
            relay: OutboxRelay,
          ) => new FollowUpHandler(rpc, new FollowUpService(cases, rows, entries, relay)),
          inject: [RpcServer, CaseService, CaseRepository, EntryService, OutboxRelay],
        },
        {
          provide: ReferralHandler,
          useFactory: (rpc: RpcServer, referrals: ReferralService) => new ReferralHandler(rpc, referrals),
          inject: [RpcServer, ReferralService],
        },
        {
          provide: EntryRepository,
          useFactory: () => new EntryRepository(infra.dataSource, infra.config.DB_SCHEMA),
        },
        {
          provide: EntryService,
          useFactory: (entries: EntryRepository, cases: CaseRepository, relay: OutboxRelay) =>
            new EntryService(infra.dataSource, entries, cases, relay),
          inject: [EntryRepository, CaseRepository, OutboxRelay],
        },
        {
          provide: IntakeCaseService,
          useFactory: (
            cases: CaseService,
            rows: CaseRepository,
            entries: EntryService,
            routing: CaseRoutingService,
            referrals: ReferralService,
          ) =>
            new IntakeCaseService(
              cases,
              rows,
              entries,
              new ThreadKeyRepository(infra.config.DB_SCHEMA),
              { reopenWindowDays: infra.config.INTAKE_REOPEN_WINDOW_DAYS },
              infra.logger,
              new IntakeRegistrationService(cases, rows, routing, infra.config.DEFAULT_INBOX_ID),
              referrals,
            ),
          inject: [CaseService, CaseRepository, EntryService, CaseRoutingService, ReferralService],
        },
        {
          provide: EntryHandler,
          useFactory: (rpc: RpcServer, entries: EntryService) => new EntryHandler(rpc, entries),
          inject: [RpcServer, EntryService],
        },
        {
          provide: RelationService,
          useFactory: (cases: CaseRepository, relay: OutboxRelay) =>
            new RelationService(
              infra.dataSource,
              cases,
              new RelationRepository(infra.dataSource, infra.config.DB_SCHEMA),
              relay,
            ),
          inject: [CaseRepository, OutboxRelay],
        },
        {
          provide: RelationHandler,
          useFactory: (rpc: RpcServer, relations: RelationService) => new RelationHandler(rpc, relations),
          inject: [RpcServer, RelationService],
        },
        {
          provide: CaseCopyHandler,
          useFactory: (rpc: RpcServer, cases: CaseRepository, relay: OutboxRelay) =>
            new CaseCopyHandler(
              rpc,
              new CaseCopyService(infra.dataSource, cases, new CaseCopyRepository(infra.config.DB_SCHEMA), relay),
            ),
          inject: [RpcServer, CaseRepository, OutboxRelay],
        },
        {
          provide: FavouriteHandler,
          useFactory: (rpc: RpcServer, cases: CaseRepository) =>
            new FavouriteHandler(
              rpc,
              new FavouriteService(cases, new FavouriteRepository(infra.dataSource, infra.config.DB_SCHEMA)),
            ),
          inject: [RpcServer, CaseRepository],
        },
        {
          provide: SavedSearchHandler,
          useFactory: (rpc: RpcServer) =>
            new SavedSearchHandler(
              rpc,
              new SavedSearchService(new SavedSearchRepository(infra.dataSource, infra.config.DB_SCHEMA)),
            ),
          inject: [RpcServer],
        },
        {
          provide: CaseEventHandler,
          useFactory: (rpc: RpcServer, cases: CaseRepository) =>
            new CaseEventHandler(
              rpc,
              new CaseEventService(cases, new CaseEventRepository(infra.dataSource, infra.config.DB_SCHEMA)),
            ),
          inject: [RpcServer, CaseRepository],
        },
        {
          provide: CustomerRepository,
          useFactory: () => new CustomerRepository(infra.dataSource, infra.config.DB_SCHEMA),
        },
        {
          provide: CustomerService,
          useFactory: (customers: CustomerRepository, cases: CaseRepository, relay: OutboxRelay) =>
            new CustomerService(infra.dataSource, customers, cases, relay),
          inject: [CustomerRepository, CaseRepository, OutboxRelay],
        },
        {
          provide: CustomerHandler,
          useFactory: (rpc: RpcServer, customers: CustomerService) => new CustomerHandler(rpc, customers),
          inject: [RpcServer, CustomerService],
        },
        {
          provide: SecretReadHandler,
          useFactory: (rpc: RpcServer) =>
            new SecretReadHandler(
              rpc,
              new SecretReadService(new SecretReadAuditRepository(infra.dataSource, infra.config.DB_SCHEMA)),
            ),
          inject: [RpcServer],
        },
        {
          provide: InboxLookup,
          useFactory: () =>
            new InboxLookup(new RpcClient({ nc: infra.nc, names: infra.names }), {
              ttlMs: infra.config.INBOX_CACHE_SECONDS * 1000,
            }),
        },
        {
          provide: AssignmentHandler,
          useFactory: (
            rpc: RpcServer,
            cases: CaseService,
            rows: CaseRepository,
            inboxes: InboxLookup,
            relay: OutboxRelay,
          ) =>
            new AssignmentHandler(
              rpc,
              new AssignmentService(
                infra.dataSource,
                cases,
                rows,
                new AssignmentRepository(infra.config.DB_SCHEMA),
                inboxes,
                relay,
              ),
            ),
          inject: [RpcServer, CaseService, CaseRepository, InboxLookup, OutboxRelay],
        },
        {
          provide: DistributionHandler,
          useFactory: (
            rpc: RpcServer,
            cases: CaseService,
            rows: CaseRepository,
            entries: EntryService,
            inboxes: InboxLookup,
            relay: OutboxRelay,
          ) =>
            new DistributionHandler(
              rpc,
              new DistributionService(infra.dataSource, cases, rows, entries, inboxes, relay),
            ),
          inject: [RpcServer, CaseService, CaseRepository, EntryService, InboxLookup, OutboxRelay],
        },
        CaseCoreLifecycle,
      ],
    };
  }
}
