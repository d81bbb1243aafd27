import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createDataSource, migrate, pendingSchemaChanges, queryPrepared } from '../src/index.js';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = 'widgets';

@Entity({ name: 'widget' })
class Widget {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;
}

// The same table as seen by an entity that gained a column nobody wrote a migration for.
@Entity({ name: 'widget' })
class WidgetWithColour {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  colour: string | null;
}

class CreateWidget1763900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${schema}.widget (id uuid PRIMARY KEY, name text NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${schema}.widget`);
  }
}

describe('persistence', () => {
  const database = `arende_test_persistence_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const admin = new pg.Client({ connectionString: adminUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  function dataSourceFor(entities: (typeof Widget | typeof WidgetWithColour)[]) {
    return createDataSource({
      url: url.toString(),
      schema,
      entities,
      migrations: [CreateWidget1763900000000],
      poolSize: 3,
      applicationName: 'persistence-test',
    });
  }

  describe('migrate', () => {
    it('creates the schema once even when two replicas migrate at the same time', async () => {
      const replicas = [dataSourceFor([Widget]), dataSourceFor([Widget])];
      await Promise.all(replicas.map((ds) => ds.initialize()));
      try {
        const ran = await Promise.all(replicas.map((ds) => migrate(ds)));

        expect(ran.map((r) => r.length).sort()).toEqual([0, 1]);
        const rows = await replicas[0].query<{ name: string }[]>(`SELECT name FROM ${schema}.migrations`);
        expect(rows.map((r) => r.name)).toEqual(['CreateWidget1763900000000']);
      } finally {
        await Promise.all(replicas.map((ds) => ds.destroy()));
      }
    });
  });

  describe('pendingSchemaChanges', () => {
    it('is empty when the migrations match the entities', async () => {
      const ds = dataSourceFor([Widget]);
      await ds.initialize();
      try {
        await migrate(ds);
        expect(await pendingSchemaChanges(ds)).toEqual([]);
      } finally {
        await ds.destroy();
      }
    });

    it('lists the SQL for a column added to an entity without a migration', async () => {
      const ds = dataSourceFor([WidgetWithColour]);
      await ds.initialize();
      try {
        await migrate(ds);
        const changes = await pendingSchemaChanges(ds);
        expect(changes).toHaveLength(1);
        expect(changes[0]).toMatch(/ALTER TABLE "widgets"\."widget" ADD "colour" text/);
      } finally {
        await ds.destroy();
      }
    });
  });

  describe('query errors', () => {
    it('are reported with the query and the error code, never the parameters', async () => {
      const lines: string[] = [];
      const record = (fields: object, message: string) => void lines.push(JSON.stringify({ message, ...fields }));
      const ds = createDataSource({
        url: url.toString(),
        schema,
        entities: [Widget],
        migrations: [CreateWidget1763900000000],
        poolSize: 2,
        logger: { debug: record, info: record, warn: record, error: record },
      });
      await ds.initialize();
      try {
        await migrate(ds);
        const personnummer = '191212121212';
        await expect(
          ds.query(`SELECT * FROM ${schema}.no_such_table WHERE name = $1`, [personnummer]),
        ).rejects.toThrow();
        const failure = lines.find((line) => line.includes('Query failed'));
        expect(failure).toContain('no_such_table');
        expect(failure).toContain('42P01');
        expect(lines.join('\n')).not.toContain(personnummer);
      } finally {
        await ds.destroy();
      }
    });
  });

  describe('queryPrepared', () => {
    it("runs on the transaction's own connection inside a transaction, on the pool outside, as named statements", async () => {
      const ds = dataSourceFor([Widget]);
      await ds.initialize();
      try {
        await migrate(ds);
        const insert = `INSERT INTO ${schema}.widget (id, name) VALUES ($1, $2) RETURNING name`;
        const count = `SELECT count(*)::int AS n FROM ${schema}.widget WHERE name = $1`;
        const name = `w-${randomBytes(3).toString('hex')}`;
        await expect(
          ds.transaction(async (manager) => {
            expect(await queryPrepared(manager, insert, [crypto.randomUUID(), name])).toEqual([{ name }]);
            // The uncommitted row is visible only on the transaction's connection.
            expect(await queryPrepared(manager, count, [name])).toEqual([{ n: 1 }]);
            expect(await queryPrepared(ds.manager, count, [name])).toEqual([{ n: 0 }]);
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        expect(await queryPrepared(ds.manager, count, [name])).toEqual([{ n: 0 }]);
        // …and is a named prepared statement on that connection.
        const prepared = await ds.transaction(async (manager) => {
          await queryPrepared(manager, count, [name]);
          return manager.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1',
            [count],
          );
        });
        expect(prepared).toEqual([{ n: 1 }]);
      } finally {
        await ds.destroy();
      }
    });
  });
});
