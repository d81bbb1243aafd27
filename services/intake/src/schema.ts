import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build intake's schema. */
export const SCHEMA = { service: 'intake', schema: 'intake', entities: ENTITIES, migrations: MIGRATIONS };
