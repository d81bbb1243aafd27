import { DataSource, type MigrationInterface } from 'typeorm';

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
    logging: ['error'],
  });
}

/** The schema a DataSource was created for (see {@link createDataSource}). */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The DataSource has no schema: create it with createDataSource({ schema })');
  return schema;
}
