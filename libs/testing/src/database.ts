import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { ADVISORY_LOCK, createDataSource, migrate, quoteIdent, type MigrationClass } from '@arende/persistence';
import type { EntityClass } from '@arende/persistence';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;
// PostgreSQL SQLSTATE 55006: the template is briefly connected to (another worker still building it).
const OBJECT_IN_USE = '55006';

export interface TemplateSpec {
  service: string;
  schema: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Mixed into the template hash: SQL the migrations pull in from elsewhere (e.g. the outbox tables). */
  salt?: string;
}

/** `case-core` -> `case_core`, short enough to leave room in a 63-character database name. */
export function serviceToken(service: string): string {
  return service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24);
}

/** Changes whenever a migration is added, renamed or its `up` changes: a new template is built then. */
export function migrationsHash(spec: TemplateSpec): string {
  const hash = createHash('sha256')
    .update(spec.schema)
    .update('\0')
    .update(spec.salt ?? '');
  for (const migration of spec.migrations) {
    const up = (migration.prototype as { up?: unknown }).up;
    hash
      .update('\0')
      .update(migration.name)
      .update('\0')
      .update(typeof up === 'function' ? up.toString() : '');
  }
  return hash.digest('hex').slice(0, 12);
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function assertTestName(database: string): void {
  if (!database.includes('test'))
    throw new Error(`Refusing to create or drop database "${database}": no "test" in its name`);
}

async function dropDatabase(admin: pg.Client, database: string): Promise<void> {
  assertTestName(database);
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
}

async function exists(admin: pg.Client, database: string): Promise<boolean> {
  const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  return result.rowCount === 1;
}

/** Drops per-file databases of killed runs: their names carry the creation time (base 36 ms). */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const result = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^arende_test_[a-z0-9_]+_[0-9a-z]{8,9}_[0-9a-f]{8}$'`,
  );
  const now = Date.now();
  for (const { datname } of result.rows) {
    const created = parseInt(datname.split('_').at(-2) ?? '', 36);
    if (Number.isFinite(created) && now - created > STALE_AFTER_MS) await dropDatabase(admin, datname);
  }
}

async function buildTemplate(admin: pg.Client, adminUrl: string, spec: TemplateSpec, template: string): Promise<void> {
  const token = serviceToken(spec.service);
  const older = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ $1 AND datname <> $2`,
    [`^arende_tpl_test_${token}_[0-9a-f]{12}(_new)?$`, template],
  );
  for (const { datname } of older.rows) await dropDatabase(admin, datname);
  await dropStaleDatabases(admin);

  // Built under another name and renamed when complete, so a half-built template is never cloned.
  const building = `${template}_new`;
  assertTestName(building);
  await admin.query(`CREATE DATABASE ${quoteIdent(building)}`);
  const dataSource = createDataSource({
    url: databaseUrl(adminUrl, building),
    schema: spec.schema,
    entities: spec.entities,
    migrations: spec.migrations,
    poolSize: 2,
    applicationName: `test-template-${token}`,
  });
  await dataSource.initialize();
  try {
    await migrate(dataSource);
  } finally {
    await dataSource.destroy();
  }
  await admin.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
}

/** The template for these migrations, built once (under an advisory lock shared by every Jest worker). */
export async function ensureTemplate(admin: pg.Client, adminUrl: string, spec: TemplateSpec): Promise<string> {
  const template = `arende_tpl_test_${serviceToken(spec.service)}_${migrationsHash(spec)}`;
  if (await exists(admin, template)) return template;
  await admin.query('SELECT pg_advisory_lock($1, hashtext($2))', [ADVISORY_LOCK.testTemplate, spec.service]);
  try {
    if (!(await exists(admin, template))) await buildTemplate(admin, adminUrl, spec, template);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1, hashtext($2))', [ADVISORY_LOCK.testTemplate, spec.service]);
  }
  return template;
}

/** `arende_test_<service>_<time>_<random>`: the time lets a later run drop it if this run is killed. */
export function newDatabaseName(service: string): string {
  return `arende_test_${serviceToken(service)}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function cloneDatabase(admin: pg.Client, template: string, database: string): Promise<void> {
  assertTestName(database);
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(template)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export { dropDatabase, dropStaleDatabases };
