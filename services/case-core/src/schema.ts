import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build case-core's schema. */
export const SCHEMA = { service: 'case-core', schema: 'case_core', entities: ENTITIES, migrations: MIGRATIONS };
