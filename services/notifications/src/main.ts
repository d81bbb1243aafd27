import { loadConfigOrExit } from '@arende/config';
import { runService } from '@arende/runtime';
import { startNotifications } from './boot.js';
import { notificationsConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(notificationsConfig, 'notifications');
await runService({
  name: 'notifications',
  config,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  streams: ['notifications', 'intake', 'case', 'sla'],
  start: (runtime) => startNotifications({ config, ...runtime }),
});
