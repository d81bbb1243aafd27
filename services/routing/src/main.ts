import { loadConfigOrExit } from '@arende/config';
import { runService } from '@arende/runtime';
import { startRouting } from './boot.js';
import { routingConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(routingConfig, 'routing');
await runService({
  name: 'routing',
  config,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  streams: ['routing'],
  start: (runtime) => startRouting({ config, ...runtime }),
});
