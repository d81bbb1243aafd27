// CI's schema-drift check: for every service with a schema, migrate an empty database and ask TypeORM
// what it would still change to match the entities. Anything at all is drift: write the migration.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const ADMIN_URL = process.env.PG_ADMIN_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const { createDataSource, migrate, pendingSchemaChanges } = await import('../libs/persistence/dist/index.js');

async function admin(sql) {
  const client = new pg.Client(ADMIN_URL);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let drift = 0;
for (const service of fs.readdirSync(path.join(root, 'services'))) {
  const file = path.join(root, 'services', service, 'dist', 'schema.js');
  if (!fs.existsSync(file)) continue;
  const { SCHEMA } = await import(file);
  const database = `arende_test_drift_${service.replaceAll('-', '_')}_${process.pid}`;
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataSource = createDataSource({ ...SCHEMA, url: url.toString(), poolSize: 2 });
  try {
    await dataSource.initialize();
    await migrate(dataSource);
    const pending = await pendingSchemaChanges(dataSource);
    if (pending.length > 0) {
      drift++;
      console.error(`schema drift in ${service}: the entities differ from the migrations. TypeORM would run:`);
      for (const sql of pending) console.error(`  ${sql};`);
    } else {
      console.log(`schema-drift: ${service} ok (${SCHEMA.migrations.length} migrations)`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}
process.exit(drift > 0 ? 1 : 0);
