import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { RetentionPolicy, StorageType } from '@nats-io/jetstream';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestContext, expectEventually, factory, type TestContext } from '../src/index.js';
import { dropDatabase } from '../src/database.js';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = 'harness';
let migrationRuns = 0;

class CreateNote1763900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    migrationRuns += 1;
    await runner.query(`CREATE TABLE harness.note (id serial PRIMARY KEY, body text NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE harness.note`);
  }
}

class AddNoteAuthor1763900000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE harness.note ADD author text`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE harness.note DROP author`);
  }
}

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const databases = (like: string) =>
  withAdmin(async (admin) =>
    (
      await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY 1', [like])
    ).rows.map((r) => r.datname),
  );

describe('createTestContext', () => {
  // A service name of its own, so this run builds its templates from scratch.
  const service = `harness-${randomBytes(3).toString('hex')}`;
  const token = service.replace('-', '_');
  const contexts: TestContext[] = [];
  const open = async (migrations = [CreateNote1763900000000]) => {
    const ctx = await createTestContext({ service, schema, entities: [], migrations });
    contexts.push(ctx);
    return ctx;
  };

  afterAll(async () => {
    await Promise.all(contexts.map((ctx) => ctx.close()));
    await withAdmin(async (admin) => {
      for (const name of await databases(`arende_tpl_test_${token}_%`)) await dropDatabase(admin, name);
    });
  });

  it('migrates a template once and clones it for every later context', async () => {
    const started = Date.now();
    const first = await open();
    const firstMs = Date.now() - started;
    const second = await open();
    const secondMs = Date.now() - started - firstMs;

    expect(migrationRuns).toBe(1);
    expect(await databases(`arende_tpl_test_${token}_%`)).toHaveLength(1);
    expect(secondMs).toBeLessThan(firstMs);
    await expect(second.dataSource.query('SELECT count(*)::int AS n FROM harness.note')).resolves.toEqual([{ n: 0 }]);
    expect(first.databaseUrl).not.toBe(second.databaseUrl);
  });

  it('gives each context its own database and prefix', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await a.dataSource.query(`INSERT INTO harness.note (body) VALUES ('only in a')`);

    expect(a.prefix).not.toBe(b.prefix);
    expect(a.names.subject('case.evt.registered.v1')).toBe(`${a.prefix}case.evt.registered.v1`);
    await expect(b.dataSource.query('SELECT count(*)::int AS n FROM harness.note')).resolves.toEqual([{ n: 0 }]);
    await expect(a.dataSource.query('SELECT count(*)::int AS n FROM harness.note')).resolves.toEqual([{ n: 1 }]);
  });

  it('close() removes the database and every stream under the prefix', async () => {
    const ctx = await open();
    const stream = ctx.names.stream('case');
    await ctx.jsm.streams.add({
      name: stream,
      subjects: [ctx.names.streamSubjects('case')],
      storage: StorageType.Memory,
      retention: RetentionPolicy.Limits,
    });
    const database = new URL(ctx.databaseUrl).pathname.slice(1);
    const other = await open();

    await ctx.close();

    expect(await databases(database)).toEqual([]);
    const remaining: string[] = [];
    for await (const s of other.jsm.streams.list()) remaining.push(s.config.name);
    expect(remaining).not.toContain(stream);
  });

  it('builds a new template when the migrations change and drops the old one', async () => {
    const before = await databases(`arende_tpl_test_${token}_%`);
    await open([CreateNote1763900000000, AddNoteAuthor1763900000001]);
    const after = await databases(`arende_tpl_test_${token}_%`);

    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('refuses the Testcontainers mode with what to install', async () => {
    process.env.TESTCONTAINERS = '1';
    try {
      await expect(open()).rejects.toThrow(/@testcontainers\/postgresql/);
    } finally {
      delete process.env.TESTCONTAINERS;
    }
  });

  it('refuses to drop a database whose name lacks "test"', async () => {
    await withAdmin(async (admin) => {
      await expect(dropDatabase(admin, 'arende_case_core')).rejects.toThrow(/no "test" in its name/);
    });
  });
});

describe('expectEventually', () => {
  it('retries until the assertion passes and returns its value', async () => {
    let calls = 0;
    const value = await expectEventually(() => {
      calls += 1;
      expect(calls).toBeGreaterThanOrEqual(3);
      return calls;
    });
    expect(value).toBe(3);
  });

  it('rethrows the last failure with the time waited', async () => {
    // Colour-proof: Jest may put colour codes inside its own "Expected: 2" line.
    const failure = expectEventually(() => expect(1).toBe(2), { timeoutMs: 60 });
    await expect(failure).rejects.toThrow(/still failing after \d+ ms of expectEventually/);
    await expect(failure).rejects.toThrow(/Expected/);
  });
});

describe('factory', () => {
  it('makes a distinct valid actor per call, with overrides', () => {
    const a = factory.actor();
    const b = factory.actor({ roles: ['supervisor'] });
    expect(a.id).not.toBe(b.id);
    expect(b.roles).toEqual(['supervisor']);
    expect(factory.correlationId()).not.toBe(factory.correlationId());
  });
});
