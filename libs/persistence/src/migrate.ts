import type { DataSource, Migration } from 'typeorm';
import { createDataSource, schemaOf, type DataSourceOptions } from './data-source.js';
import { consoleLogger, type StructuredLogger } from './logger.js';
import { ADVISORY_LOCK, quoteIdent } from './sql.js';

/**
 * Creates the DataSource's schema if missing and runs its pending migrations, each in its own
 * transaction. Replicas that start together are serialized by a session advisory lock on the
 * schema name, so exactly one of them migrates and the others find nothing pending.
 * The DataSource must be initialized and have a pool of at least 2 (the lock holds one connection).
 * @returns the migrations that ran
 */
export async function migrate(dataSource: DataSource): Promise<Migration[]> {
  const schema = schemaOf(dataSource);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [ADVISORY_LOCK.migrate, schema]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ADVISORY_LOCK.migrate, schema]);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The SQL TypeORM's schema builder would run to make the database match the entities: the CI
 * schema-drift check. Run it after {@link migrate}; an empty list means the migrations and the
 * entities agree.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

export interface MigrateCommandOptions extends DataSourceOptions {
  logger?: StructuredLogger;
}

/**
 * The body of a service's `migrate.ts`: connect, migrate, log what ran, close.
 * @returns the process exit code (0 on success, 1 on failure), also set as `process.exitCode`
 */
export async function runMigrateCommand(options: MigrateCommandOptions): Promise<number> {
  const { logger = consoleLogger('migrate'), ...dataSourceOptions } = options;
  const dataSource = createDataSource({
    ...dataSourceOptions,
    poolSize: Math.max(2, dataSourceOptions.poolSize ?? 2),
    applicationName: dataSourceOptions.applicationName ?? `${options.schema}-migrate`,
  });
  const started = Date.now();
  let code = 0;
  try {
    await dataSource.initialize();
    const ran = await migrate(dataSource);
    logger.info(
      { schema: options.schema, migrations: ran.map((m) => m.name), durationMs: Date.now() - started },
      ran.length > 0 ? 'Migrations ran' : 'No pending migrations',
    );
  } catch (error) {
    logger.error({ schema: options.schema, err: error }, 'Migration failed');
    code = 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
  process.exitCode = code;
  return code;
}
