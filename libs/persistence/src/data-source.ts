import { DataSource, type Logger as TypeOrmLogger, type MigrationInterface } from 'typeorm';
import { consoleLogger, type StructuredLogger } from './logger.js';

// TypeORM accepts entity classes as constructors (`Function` in its own typings).
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityClass = Function;
export type MigrationClass = new () => MigrationInterface;

export interface DataSourceOptions {
  /** `postgres://user@host:port/database` */
  url: string;
  /** The PostgreSQL schema the service owns; its tables and its `migrations` table live there. */
  schema: string;
  /** Entity classes (not globs: the file extension differs between Jest and the build). */
  entities: EntityClass[];
  /** Migration classes, hand-written, each with `up` and `down`. */
  migrations: MigrationClass[];
  /** Connections in the pool (default 10). `migrate` needs at least 2. */
  poolSize?: number;
  /** Shown in `pg_stat_activity.application_name`. */
  applicationName?: string;
  /** Where failed queries are reported (default: JSON lines on stderr). */
  logger?: StructuredLogger;
}

/**
 * TypeORM's own loggers print a failed query with its parameters, which can hold personnummer and
 * message bodies. This one reports the query text and the error code only.
 */
class ParameterFreeLogger implements TypeOrmLogger {
  constructor(private readonly logger: StructuredLogger) {}

  logQueryError(error: string | Error, query: string): void {
    const e = error as { message?: string; code?: string };
    this.logger.error(
      { query: query.replace(/\s+/g, ' ').slice(0, 500), error: { message: e.message ?? String(error), code: e.code } },
      'Query failed',
    );
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'Migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ detail: String(message) }, 'TypeORM warning');
  }
}

/**
 * A TypeORM DataSource for one service's schema: postgres driver, `synchronize` off, migrations
 * never run implicitly (call {@link migrate}), the `migrations` table inside the service's schema.
 * Not initialized: call `initialize()`.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
    logger: new ParameterFreeLogger(options.logger ?? consoleLogger(options.applicationName ?? options.schema)),
  });
}

/** The schema a DataSource was created for (see {@link createDataSource}). */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The DataSource has no schema: create it with createDataSource({ schema })');
  return schema;
}
