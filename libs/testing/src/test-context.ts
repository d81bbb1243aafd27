import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connectNats, MessagingNames } from '@arende/messaging';
import { createDataSource, type EntityClass, type MigrationClass } from '@arende/persistence';
import {
  cloneDatabase,
  databaseUrl as urlOf,
  DEFAULT_DATABASE_URL,
  dropDatabase,
  dropStaleDatabases,
  ensureTemplate,
  newDatabaseName,
} from './database.js';

export interface TestContextOptions {
  /** The service under test: names the template and the databases. */
  service: string;
  /** The service's PostgreSQL schema. */
  schema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Mixed into the template hash when migrations run SQL defined elsewhere. */
  templateSalt?: string;
  /** DataSource pool size (default 5). */
  poolSize?: number;
}

export interface TestContext {
  /** Initialized, on this test file's own database, migrated. */
  dataSource: DataSource;
  databaseUrl: string;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Names under this context's unique prefix. */
  names: MessagingNames;
  prefix: string;
  natsUrl: string;
  /** Deletes this prefix's streams, closes the connections, drops the database. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

function assertNoTestcontainers(): void {
  if (process.env.TESTCONTAINERS === '1') {
    throw new Error(
      'TESTCONTAINERS=1, but the Testcontainers mode is not installed in this workspace. ' +
        'It needs a Docker engine and the @testcontainers/postgresql package (plus a NATS container); ' +
        'install them, or unset TESTCONTAINERS to use DATABASE_URL and NATS_URL.',
    );
  }
}

/**
 * Everything one test file needs, isolated from every other file and run: its own database cloned
 * from a template migrated once (`CREATE DATABASE … TEMPLATE …`), its own NATS prefix.
 * Reads `DATABASE_URL` (an admin connection; default `postgres://postgres@127.0.0.1:5432/postgres`)
 * and `NATS_URL`. Call `close()` in `afterAll`.
 */
export async function createTestContext(options: TestContextOptions): Promise<TestContext> {
  assertNoTestcontainers();
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const natsUrl = process.env.NATS_URL ?? DEFAULT_NATS_URL;
  const database = newDatabaseName(options.service);
  const databaseUrl = urlOf(adminUrl, database);

  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'arende-test-admin' });
  await admin.connect();
  try {
    const template = await ensureTemplate(admin, adminUrl, { ...options, salt: options.templateSalt });
    await dropStaleDatabases(admin);
    await cloneDatabase(admin, template, database);
  } finally {
    await admin.end();
  }

  const dataSource = createDataSource({
    url: databaseUrl,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    poolSize: options.poolSize ?? 5,
    applicationName: `test-${options.service}`,
  });
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const names = new MessagingNames(prefix);
  let nc: NatsConnection | undefined;
  try {
    await dataSource.initialize();
    nc = await connectNats({ servers: natsUrl, name: `test-${options.service}` });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await dropDatabaseAt(adminUrl, database);
    throw error;
  }
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      try {
        for await (const stream of jsm.streams.list()) {
          if (stream.config.name.startsWith(names.streamPrefix)) await jsm.streams.delete(stream.config.name);
        }
      } finally {
        await nc.drain();
        if (dataSource.isInitialized) await dataSource.destroy();
        await dropDatabaseAt(adminUrl, database);
      }
    })();
    return closed;
  };
  return { dataSource, databaseUrl, nc, js, jsm, names, prefix, natsUrl, close };
}

async function dropDatabaseAt(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'arende-test-admin' });
  await admin.connect();
  try {
    await dropDatabase(admin, database);
  } finally {
    await admin.end();
  }
}
