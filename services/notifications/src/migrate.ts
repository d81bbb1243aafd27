import { loadConfigOrExit } from '@arende/config';
import { runMigrateCommand } from '@arende/persistence';
import { notificationsConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(notificationsConfig, 'notifications');
await runMigrateCommand({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  applicationName: 'notifications-migrate',
});
