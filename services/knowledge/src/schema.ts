import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build knowledge's schema. */
export const SCHEMA = { service: 'knowledge', schema: 'knowledge', entities: ENTITIES, migrations: MIGRATIONS };
