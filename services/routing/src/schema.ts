import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build routing's schema. */
export const SCHEMA = { service: 'routing', schema: 'routing', entities: ENTITIES, migrations: MIGRATIONS };
