export {
  createDataSource,
  schemaOf,
  type DataSourceOptions,
  type EntityClass,
  type MigrationClass,
} from './data-source.js';
export { migrate, pendingSchemaChanges, runMigrateCommand, type MigrateCommandOptions } from './migrate.js';
export { consoleLogger, type StructuredLogger } from './logger.js';
export { ADVISORY_LOCK, quoteIdent } from './sql.js';
export { queryPrepared } from './prepared.js';
export { databaseReadiness, openDatabase } from './open-database.js';
