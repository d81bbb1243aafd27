import { type ConfigOf, defineConfig, env } from '@arende/config';

export const routingConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('routing'), description: 'PostgreSQL schema owned by routing' },
  DB_POOL_SIZE: { schema: env.int(10, 1, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8105), description: 'Port of /health/live, /health/ready and /metrics' },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
  RULES_REFRESH_SECONDS: {
    schema: env.int(5, 1, 3600),
    description: 'How often a replica looks for templates changed by another replica and recompiles its matching rules',
  },
});

export type RoutingConfig = ConfigOf<typeof routingConfig>;
