import { loadConfigOrExit } from '@arende/config';
import { runService } from '@arende/runtime';
import { startCaseCore } from './boot.js';
import { caseCoreConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(caseCoreConfig, 'case-core');
await runService({
  name: 'case-core',
  config,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  // intake's stream too: the intake consumer may start before intake has ever run.
  streams: ['case', 'intake'],
  start: (runtime) => startCaseCore({ config, ...runtime }),
});
