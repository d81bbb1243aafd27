import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

/** What the schema-drift check and the test harness need to build sla-watcher's schema. */
export const SCHEMA = { service: 'sla-watcher', schema: 'sla_watcher', entities: ENTITIES, migrations: MIGRATIONS };
