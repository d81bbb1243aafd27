import type { JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { type MessagingNames, connectMessaging, natsReadiness } from '@arende/messaging';
import { type Logger, type Metrics, createLogger, createMetrics, startOpsServer } from '@arende/observability';
import { type EntityClass, type MigrationClass, databaseReadiness, openDatabase } from '@arende/persistence';

/** The settings every service with a database and NATS has (each service's config defines them). */
export interface ServiceRuntimeConfig {
  DATABASE_URL: string;
  DB_SCHEMA: string;
  DB_POOL_SIZE: number;
  NATS_URL: string;
  NATS_PREFIX: string;
  OPS_HOST: string;
  OPS_PORT: number;
}

/** What a service's own start function gets: its database, NATS, logger and metrics, all ready. */
export interface ServiceRuntime {
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
}

export interface RunServiceOptions {
  /** The service's name: in logs, metrics, the NATS connection and `pg_stat_activity`. */
  name: string;
  config: ServiceRuntimeConfig;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** The streams the service publishes for (and those it consumes that may not exist yet). */
  streams: readonly string[];
  /** Starts the service itself (its Nest application context). */
  start(runtime: ServiceRuntime): Promise<{ close(): Promise<void> }>;
  /** The logger to use (default: a JSON logger named after the service). */
  logger?: Logger;
  /** Stop on SIGINT and SIGTERM and exit the process (default true; tests stop it themselves). */
  handleSignals?: boolean;
}

export interface RunningService {
  opsPort: number;
  runtime: ServiceRuntime;
  /** Closes the service, the ops listener, NATS (draining) and the database pool, in that order; once. */
  stop(): Promise<void>;
}

/**
 * A service's main: migrate and open the database, connect to NATS and declare its streams, start the service,
 * serve /health and /metrics, and shut everything down in order on a signal.
 */
export async function runService(options: RunServiceOptions): Promise<RunningService> {
  const { name, config } = options;
  const logger = options.logger ?? createLogger({ service: name });
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DB_SCHEMA,
    entities: options.entities,
    migrations: options.migrations,
    poolSize: config.DB_POOL_SIZE,
    applicationName: name,
    logger,
  });
  const { nc, js, names } = await connectMessaging({
    servers: config.NATS_URL,
    name,
    prefix: config.NATS_PREFIX,
    streams: options.streams,
  });
  const metrics = createMetrics(name);
  const runtime: ServiceRuntime = { dataSource, nc, js, names, logger, metrics };
  const app = await options.start(runtime);
  const ops = await startOpsServer({
    host: config.OPS_HOST,
    port: config.OPS_PORT,
    metrics,
    logger,
    readiness: [databaseReadiness(dataSource), natsReadiness(nc)],
  });
  logger.info({ opsPort: ops.port }, `${name} started`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await app.close();
      await ops.close();
      await nc.drain();
      await dataSource.destroy();
    })());
  if (options.handleSignals ?? true) {
    const onSignal = (signal: string) => {
      logger.info({ signal }, `${name} stopping`);
      void stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, `${name} did not stop cleanly`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { opsPort: ops.port, runtime, stop };
}
