import { loadConfigOrExit } from '@arende/config';
import { runService } from '@arende/runtime';
import { startSlaWatcher } from './boot.js';
import { slaWatcherConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(slaWatcherConfig, 'sla-watcher');
await runService({
  name: 'sla-watcher',
  config,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  streams: ['sla', 'case'],
  start: (runtime) => startSlaWatcher({ config, ...runtime }),
});
