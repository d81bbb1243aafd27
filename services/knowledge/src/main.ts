import { loadConfigOrExit } from '@arende/config';
import { runService } from '@arende/runtime';
import { openSearchBackend, startKnowledge } from './boot.js';
import { knowledgeConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

const config = loadConfigOrExit(knowledgeConfig, 'knowledge');
await runService({
  name: 'knowledge',
  config,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  streams: ['knowledge'],
  start: async (runtime) => {
    const search = await openSearchBackend(config, runtime.dataSource, runtime.logger);
    return startKnowledge({ config, ...runtime, search });
  },
});
