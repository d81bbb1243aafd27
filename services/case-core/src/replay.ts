// `npm run replay -w @arende/case-core -- --since 2026-11-20T00:00:00Z`
// Republishes the events case-core sent since a time, from its outbox (kept OUTBOX_RETENTION_DAYS days),
// e.g. after NATS lost acknowledged writes. Same Nats-Msg-Id per event, and every consumer is idempotent,
// so replaying more than was lost is harmless.
import { parseArgs } from 'node:util';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { loadConfigOrExit } from '@arende/config';
import { MessagingNames, OutboxRelay, connectNats, ensureStreams } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { createDataSource } from '@arende/persistence';
import { caseCoreConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const logger = createLogger({ service: 'case-core-replay' });
const { values } = parseArgs({ options: { since: { type: 'string' } } });
const since = values.since === undefined ? Number.NaN : Date.parse(values.since);
if (Number.isNaN(since)) {
  process.stderr.write('usage: replay --since <ISO time, e.g. 2026-11-20T00:00:00Z>\n');
  process.exit(2);
}

const config = loadConfigOrExit(caseCoreConfig, 'case-core');
const dataSource = createDataSource({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  poolSize: 2,
  applicationName: 'case-core-replay',
});
await dataSource.initialize();
const nc = await connectNats({ servers: config.NATS_URL, name: 'case-core-replay' });
const names = new MessagingNames(config.NATS_PREFIX);
await ensureStreams(await jetstreamManager(nc), names, ['case']);
const relay = new OutboxRelay({ dataSource, schema: config.DB_SCHEMA, js: jetstream(nc), names, logger });
try {
  const count = await relay.replay(new Date(since));
  process.stdout.write(`replayed ${count} events sent since ${new Date(since).toISOString()}\n`);
} finally {
  await nc.drain();
  await dataSource.destroy();
}
