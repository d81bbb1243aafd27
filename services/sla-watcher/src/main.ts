import { connectMessaging, natsReadiness } from '@arende/messaging';
import { createLogger, createMetrics, startOpsServer } from '@arende/observability';
import { databaseReadiness, openDatabase } from '@arende/persistence';
import { loadConfigOrExit } from '@arende/config';
import { startSlaWatcher } from './boot.js';
import { slaWatcherConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(slaWatcherConfig, 'sla-watcher');
const logger = createLogger({ service: 'sla-watcher' });

const dataSource = await openDatabase({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  poolSize: config.DB_POOL_SIZE,
  applicationName: 'sla-watcher',
  logger,
});
const { nc, js, names } = await connectMessaging({
  servers: config.NATS_URL,
  name: 'sla-watcher',
  prefix: config.NATS_PREFIX,
  streams: ['sla', 'case'],
});

const metrics = createMetrics('sla-watcher');
const app = await startSlaWatcher({ config, dataSource, nc, js, names, logger, metrics });
const ops = await startOpsServer({
  host: config.OPS_HOST,
  port: config.OPS_PORT,
  metrics,
  logger,
  readiness: [databaseReadiness(dataSource), natsReadiness(nc)],
});
logger.info({ opsPort: ops.port }, 'sla-watcher started');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'sla-watcher stopping');
  await app.close();
  await ops.close();
  await nc.drain();
  await dataSource.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
