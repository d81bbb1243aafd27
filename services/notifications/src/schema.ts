import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build notifications' schema. */
export const SCHEMA = { service: 'notifications', schema: 'notifications', entities: ENTITIES, migrations: MIGRATIONS };
