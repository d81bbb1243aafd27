import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@opensearch-project/opensearch';
import type { DataSource } from 'typeorm';
import type { Logger } from '@arende/observability';
import { AppModule, type KnowledgeInfrastructure } from './app.module.js';
import type { KnowledgeConfig } from './config.js';
import { FolderRepository } from './repositories/folder.repository.js';
import { SynonymRepository } from './repositories/synonym.repository.js';
import { OpenSearchSearch } from './search/opensearch-search.js';

/** Starts knowledge on the given infrastructure: the RPC subjects answer and the relay publishes. */
export async function startKnowledge(infra: KnowledgeInfrastructure): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(infra), { logger: false });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

/**
 * The OpenSearch back end when SEARCH_BACKEND=opensearch (its index created if missing, with the current
 * synonyms); undefined for PostgreSQL. Exits with 78, as a bad configuration does, when OPENSEARCH_URL is missing.
 */
export async function openSearchBackend(
  config: KnowledgeConfig,
  dataSource: DataSource,
  logger: Logger,
): Promise<OpenSearchSearch | undefined> {
  if (config.SEARCH_BACKEND !== 'opensearch') return undefined;
  if (!config.OPENSEARCH_URL) {
    logger.error({}, 'SEARCH_BACKEND=opensearch needs OPENSEARCH_URL');
    process.exit(78);
  }
  const folders = new FolderRepository(dataSource, config.DB_SCHEMA);
  const search = new OpenSearchSearch(new Client({ node: config.OPENSEARCH_URL }), {
    index: config.OPENSEARCH_INDEX,
    refresh: false,
    descendants: (folderId) => folders.descendants(folderId),
  });
  const groups = await new SynonymRepository(dataSource, config.DB_SCHEMA).all();
  await search.ensureIndex(groups.map((group) => group.terms));
  return search;
}
