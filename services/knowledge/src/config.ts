import { z } from 'zod';
import { type ConfigOf, defineConfig, env } from '@arende/config';

export const knowledgeConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('knowledge'), description: 'PostgreSQL schema owned by knowledge' },
  DB_POOL_SIZE: { schema: env.int(10, 1, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8104), description: 'Port of /health/live, /health/ready and /metrics' },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
  WEB_IMPORT_POLL_SECONDS: {
    schema: env.int(60, 0, 86_400),
    description: 'How often to look for website sitemaps due to be read again; 0 turns the schedule off',
  },
  WEB_IMPORT_TIMEOUT_MS: {
    schema: env.int(10_000, 100, 120_000),
    description: 'Time allowed to read one sitemap or page of the website',
  },
  WEB_IMPORT_MAX_PAGE_BYTES: {
    schema: env.int(2 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    description: 'Largest website page imported; a larger one is reported as failed',
  },
  WEB_IMPORT_ALLOWED_HOSTS: {
    schema: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter((host) => host !== ''),
      ),
    description:
      'Hosts a sitemap may be imported from, comma-separated (www.solna.se; a leading dot allows subdomains: .solna.se); empty allows any. Set it in production',
  },
  WEB_IMPORT_MAX_PAGES: {
    schema: env.int(5000, 1, 100_000),
    description: 'Pages read per sitemap and run at most (beyond it nothing is withdrawn)',
  },
  SEARCH_BACKEND: {
    schema: z.enum(['postgres', 'opensearch']).default('postgres'),
    description:
      'Where search queries go: postgres (full-text search in this database) or opensearch (OPENSEARCH_URL, kept in step from the article events)',
  },
  OPENSEARCH_URL: {
    schema: z.url().optional(),
    description: 'OpenSearch node URL, with credentials if any; needed when SEARCH_BACKEND=opensearch',
    sensitive: true,
  },
  OPENSEARCH_INDEX: {
    schema: env.string('knowledge-articles'),
    description: 'OpenSearch index (or alias) of the published articles',
  },
});

export type KnowledgeConfig = ConfigOf<typeof knowledgeConfig>;
