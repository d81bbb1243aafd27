// `npm run reindex -w @arende/knowledge`: writes every published article into the OpenSearch index
// (SEARCH_BACKEND=opensearch), e.g. for a new index, or after the knowledge stream dropped events it missed.
import { loadConfigOrExit } from '@arende/config';
import { createLogger } from '@arende/observability';
import { createDataSource } from '@arende/persistence';
import { openSearchBackend } from './boot.js';
import { knowledgeConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { reindexAll } from './search/reindex.js';

const config = loadConfigOrExit(knowledgeConfig, 'knowledge');
const logger = createLogger({ service: 'knowledge-reindex' });
const dataSource = createDataSource({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  poolSize: 2,
  applicationName: 'knowledge-reindex',
});
await dataSource.initialize();
try {
  const search = await openSearchBackend(config, dataSource, logger);
  if (!search) {
    process.stderr.write('reindex writes to OpenSearch: set SEARCH_BACKEND=opensearch and OPENSEARCH_URL\n');
    process.exitCode = 2;
  } else {
    const count = await reindexAll(dataSource, config.DB_SCHEMA, search);
    process.stdout.write(`indexed ${count} published articles into ${config.OPENSEARCH_INDEX}\n`);
  }
} finally {
  await dataSource.destroy();
}
