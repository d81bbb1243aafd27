import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './data-source.js';
import { consoleLogger, type StructuredLogger } from './logger.js';
import { migrate } from './migrate.js';

/**
 * A service's boot step for its database: create the DataSource, connect, run pending migrations
 * (serialized across replicas) and log which ran.
 */
export async function openDatabase(options: DataSourceOptions & { logger?: StructuredLogger }): Promise<DataSource> {
  const logger = options.logger ?? consoleLogger(options.applicationName ?? options.schema);
  const dataSource = createDataSource({ ...options, logger });
  await dataSource.initialize();
  const migrated = await migrate(dataSource);
  if (migrated.length > 0) logger.info({ migrations: migrated.map((m) => m.name) }, 'Migrations ran');
  return dataSource;
}

/** The readiness check every service with a database reports on /health/ready. */
export function databaseReadiness(dataSource: DataSource): { name: string; check(): Promise<void> } {
  return { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) };
}
