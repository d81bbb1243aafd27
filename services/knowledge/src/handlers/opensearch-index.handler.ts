import type { DataSource } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import { articlePublishedV1, articleUnpublishedV1 } from '@arende/contracts';
import { type EnvelopeOf, IdempotentConsumer, type MessagingNames } from '@arende/messaging';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { KnowledgeSearch } from '../search/knowledge-search.js';

const CONTRACTS = [articlePublishedV1, articleUnpublishedV1] as const;
type ArticleEnvelope = EnvelopeOf<(typeof CONTRACTS)[number]>;

export interface OpenSearchIndexOptions {
  dataSource: DataSource;
  schema: string;
  js: JetStreamClient;
  names: MessagingNames;
  logger: StructuredLogger;
  metrics?: Pick<Metrics, 'eventsConsumed'>;
  /** The OpenSearch back end. */
  search: KnowledgeSearch;
}

/**
 * Keeps the OpenSearch index in step with what is published, from knowledge's own events, in stream order.
 * A durable that starts fresh reads the stream from its beginning, so a new index fills itself from the events
 * the stream still holds (older articles: `npm run reindex`).
 */
export function createOpenSearchIndexConsumer(
  options: OpenSearchIndexOptions,
): IdempotentConsumer<(typeof CONTRACTS)[number]> {
  return new IdempotentConsumer({
    dataSource: options.dataSource,
    schema: options.schema,
    js: options.js,
    names: options.names,
    service: 'knowledge',
    durable: 'knowledge-opensearch',
    contracts: CONTRACTS,
    logger: options.logger,
    metrics: options.metrics,
    handle: async (envelope: ArticleEnvelope) => {
      if (envelope.type === articleUnpublishedV1.subject) {
        await options.search.remove(envelope.data.id);
        return;
      }
      const data = envelope.data as EnvelopeOf<typeof articlePublishedV1>['data'];
      await options.search.index({
        id: data.id,
        version: data.version,
        kind: data.kind,
        title: data.title,
        summary: data.summary,
        body: data.body,
        tags: data.tags,
        folderId: data.folderId,
        caseTypeIds: data.links.filter((link) => link.kind === 'case_type').map((link) => link.targetId),
        publishedAt: new Date(envelope.occurredAt),
      });
    },
  });
}
