import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { MessagingNames, connectNats, ensureStreams } from '@arende/messaging';
import { createLogger, createMetrics, startOpsServer } from '@arende/observability';
import { createDataSource, migrate } from '@arende/persistence';
import { loadConfigOrExit } from '@arende/config';
import { startCaseCore } from './boot.js';
import { caseCoreConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(caseCoreConfig, 'case-core');
const logger = createLogger({ service: 'case-core' });

const dataSource = createDataSource({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  poolSize: config.DB_POOL_SIZE,
  applicationName: 'case-core',
  logger,
});
await dataSource.initialize();
const migrated = await migrate(dataSource);
if (migrated.length > 0) logger.info({ migrations: migrated.map((m) => m.name) }, 'Migrations ran');

const nc = await connectNats({ servers: config.NATS_URL, name: 'case-core' });
const names = new MessagingNames(config.NATS_PREFIX);
await ensureStreams(await jetstreamManager(nc), names, ['case']);

const metrics = createMetrics('case-core');
const app = await startCaseCore({ config, dataSource, nc, js: jetstream(nc), names, logger, metrics });
const ops = await startOpsServer({
  host: config.OPS_HOST,
  port: config.OPS_PORT,
  metrics,
  logger,
  readiness: [
    { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) },
    { name: 'nats', check: () => nc.flush() },
  ],
});
logger.info({ opsPort: ops.port }, 'case-core started');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'case-core stopping');
  await app.close();
  await ops.close();
  await nc.drain();
  await dataSource.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
