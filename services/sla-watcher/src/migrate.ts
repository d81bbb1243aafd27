import { loadConfigOrExit } from '@arende/config';
import { runMigrateCommand } from '@arende/persistence';
import { slaWatcherConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(slaWatcherConfig, 'sla-watcher');
await runMigrateCommand({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  applicationName: 'sla-watcher-migrate',
});
