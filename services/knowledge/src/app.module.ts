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
import type { KnowledgeConfig } from './config.js';
import { ArticleHandler } from './handlers/article.handler.js';
import { FolderHandler } from './handlers/folder.handler.js';
import { ProposalHandler } from './handlers/proposal.handler.js';
import { SearchHandler } from './handlers/search.handler.js';
import { createOpenSearchIndexConsumer } from './handlers/opensearch-index.handler.js';
import { WebSourceHandler } from './handlers/web-source.handler.js';
import { ArticleRepository } from './repositories/article.repository.js';
import { FolderRepository } from './repositories/folder.repository.js';
import { ProposalRepository } from './repositories/proposal.repository.js';
import { SynonymRepository } from './repositories/synonym.repository.js';
import { WebSourceRepository } from './repositories/web-source.repository.js';
import type { KnowledgeSearch } from './search/knowledge-search.js';
import { PostgresSearch } from './search/postgres-search.js';
import { ArticleLinkService } from './services/article-link.service.js';
import { ArticleService } from './services/article.service.js';
import { RatingService } from './services/rating.service.js';
import { FolderService } from './services/folder.service.js';
import { ProposalService } from './services/proposal.service.js';
import { SearchService } from './services/search.service.js';
import { SynonymService } from './services/synonym.service.js';
import { WebImportService } from './services/web-import.service.js';

/** What knowledge runs on; main.ts connects it, tests hand in their own. */
export interface KnowledgeInfrastructure {
  config: KnowledgeConfig;
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
  /**
   * Where search queries go when not to PostgreSQL (OpenSearch in production). PostgreSQL's own search rows are
   * written in every article transaction regardless; this back end is kept in step from the article events.
   */
  search?: KnowledgeSearch;
}

const INFRASTRUCTURE = Symbol('KnowledgeInfrastructure');
const SEARCH = Symbol('KnowledgeSearch');
const POSTGRES_SEARCH = Symbol('PostgresSearch');
const SEARCH_INDEXER = Symbol('SearchIndexer');

/** Starts and stops what listens and what runs on a schedule: the RPC subjects, the outbox relay, the website import. */
class KnowledgeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private importing: Promise<void> | undefined;

  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: KnowledgeInfrastructure,
    @Inject(ArticleHandler) private readonly articleHandler: ArticleHandler,
    @Inject(ProposalHandler) private readonly proposalHandler: ProposalHandler,
    @Inject(FolderHandler) private readonly folderHandler: FolderHandler,
    @Inject(SearchHandler) private readonly searchHandler: SearchHandler,
    @Inject(WebSourceHandler) private readonly webSourceHandler: WebSourceHandler,
    @Inject(WebImportService) private readonly webImport: WebImportService,
    @Inject(SEARCH_INDEXER) private readonly indexer: { start(): Promise<void>; stop(): Promise<void> } | null,
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.indexer?.start();
    this.articleHandler.listen();
    this.proposalHandler.listen();
    this.folderHandler.listen();
    this.searchHandler.listen();
    this.webSourceHandler.listen();
    const poll = this.infra.config.WEB_IMPORT_POLL_SECONDS;
    if (poll > 0) {
      this.timer = setInterval(() => {
        // One run at a time per replica; replicas never take the same source (claimDue).
        this.importing ??= this.webImport
          .runDue()
          .then(() => undefined)
          .catch((error: unknown) => this.infra.logger.error({ err: error }, 'Website import failed'))
          .finally(() => (this.importing = undefined));
      }, poll * 1000);
      this.timer.unref();
    }
    this.infra.logger.info({ prefix: this.infra.names.prefix }, 'knowledge listening');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.importing;
    await this.indexer?.stop();
    await this.rpc.close();
    await this.relay.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(infra: KnowledgeInfrastructure): DynamicModule {
    const schema = infra.config.DB_SCHEMA;
    return {
      module: AppModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infra },
        { provide: POSTGRES_SEARCH, useFactory: () => new PostgresSearch(infra.dataSource, schema) },
        {
          provide: SEARCH,
          useFactory: (postgres: PostgresSearch): KnowledgeSearch => infra.search ?? postgres,
          inject: [POSTGRES_SEARCH],
        },
        {
          provide: SEARCH_INDEXER,
          useFactory: () =>
            infra.search
              ? createOpenSearchIndexConsumer({
                  dataSource: infra.dataSource,
                  schema,
                  js: infra.js,
                  names: infra.names,
                  logger: infra.logger,
                  metrics: infra.metrics,
                  search: infra.search,
                })
              : null,
        },
        { provide: ArticleRepository, useFactory: () => new ArticleRepository(infra.dataSource, schema) },
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
              service: 'knowledge',
              logger: infra.logger,
              metrics: infra.metrics,
            }),
        },
        {
          provide: ArticleService,
          useFactory: (articles: ArticleRepository, search: KnowledgeSearch, relay: OutboxRelay) =>
            new ArticleService(infra.dataSource, articles, search, relay, schema),
          inject: [ArticleRepository, POSTGRES_SEARCH, OutboxRelay],
        },
        {
          provide: ArticleHandler,
          useFactory: (rpc: RpcServer, articles: ArticleService, repository: ArticleRepository) =>
            new ArticleHandler(
              rpc,
              articles,
              new ArticleLinkService(articles, repository),
              new RatingService(articles, repository),
            ),
          inject: [RpcServer, ArticleService, ArticleRepository],
        },
        {
          provide: ProposalHandler,
          useFactory: (rpc: RpcServer, articles: ArticleService, repository: ArticleRepository, relay: OutboxRelay) =>
            new ProposalHandler(
              rpc,
              new ProposalService(
                infra.dataSource,
                new ProposalRepository(infra.dataSource, schema),
                articles,
                repository,
                relay,
                schema,
              ),
            ),
          inject: [RpcServer, ArticleService, ArticleRepository, OutboxRelay],
        },
        {
          provide: FolderHandler,
          useFactory: (rpc: RpcServer) =>
            new FolderHandler(rpc, new FolderService(infra.dataSource, new FolderRepository(infra.dataSource, schema))),
          inject: [RpcServer],
        },
        {
          provide: SearchHandler,
          useFactory: (rpc: RpcServer, search: KnowledgeSearch) =>
            new SearchHandler(
              rpc,
              new SearchService(search),
              new SynonymService(infra.dataSource, new SynonymRepository(infra.dataSource, schema), search),
            ),
          inject: [RpcServer, SEARCH],
        },
        {
          provide: WebImportService,
          useFactory: (articles: ArticleService) =>
            new WebImportService(infra.dataSource, new WebSourceRepository(infra.dataSource, schema), articles, {
              timeoutMs: infra.config.WEB_IMPORT_TIMEOUT_MS,
              maxPageBytes: infra.config.WEB_IMPORT_MAX_PAGE_BYTES,
              maxPages: infra.config.WEB_IMPORT_MAX_PAGES,
              allowedHosts: infra.config.WEB_IMPORT_ALLOWED_HOSTS,
            }),
          inject: [ArticleService],
        },
        {
          provide: WebSourceHandler,
          useFactory: (rpc: RpcServer, imports: WebImportService) => new WebSourceHandler(rpc, imports),
          inject: [RpcServer, WebImportService],
        },
        KnowledgeLifecycle,
      ],
    };
  }
}
