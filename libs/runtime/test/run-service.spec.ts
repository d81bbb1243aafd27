import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger } from '@arende/observability';
import { schemaOf } from '@arende/persistence';
import { type TestContext, createTestContext, freePort } from '@arende/testing';
import { type RunningService, type ServiceRuntime, runService } from '../src/run-service.js';

class CreateProbe1700000000000 implements MigrationInterface {
  name = 'CreateProbe1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner.connection)}"."probe" ("id" integer PRIMARY KEY)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner.connection)}"."probe"`);
  }
}

let ctx: TestContext;
let service: RunningService | undefined;
const events: string[] = [];
let runtime: ServiceRuntime | undefined;

beforeAll(async () => {
  ctx = await createTestContext({ service: 'runtime', schema: 'runtime_other', entities: [], migrations: [] });
  const opsPort = await freePort();
  service = await runService({
    name: 'probe',
    config: {
      DATABASE_URL: ctx.databaseUrl,
      DB_SCHEMA: 'runtime_probe',
      DB_POOL_SIZE: 2,
      NATS_URL: ctx.natsUrl,
      NATS_PREFIX: ctx.prefix,
      OPS_HOST: '127.0.0.1',
      OPS_PORT: opsPort,
    },
    entities: [],
    migrations: [CreateProbe1700000000000],
    streams: ['case'],
    logger: createLogger({ service: 'probe', level: 'silent' }),
    handleSignals: false,
    start: (given) => {
      runtime = given;
      events.push('started');
      return Promise.resolve({ close: () => Promise.resolve(void events.push('closed')) });
    },
  });
});

afterAll(async () => {
  await service?.stop();
  await ctx?.close();
});

describe('runService', () => {
  it('migrates the database, declares the streams, starts the service and reports ready', async () => {
    expect(events).toEqual(['started']);
    expect(await ctx.dataSource.query(`SELECT count(*)::int AS n FROM runtime_probe.probe`)).toEqual([{ n: 0 }]);
    const stream = await ctx.jsm.streams.info(ctx.names.stream('case'));
    expect(stream.config.name).toBe(ctx.names.stream('case'));
    expect(runtime?.names.prefix).toBe(ctx.prefix);
    const ready = await fetch(`http://127.0.0.1:${service!.opsPort}/health/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${service!.opsPort}/metrics`)).text();
    expect(metrics).toContain('process_cpu');
  });

  it('stops the service, the ops listener, NATS and the pool, once', async () => {
    const first = service!.stop();
    const second = service!.stop();
    await Promise.all([first, second]);
    expect(events).toEqual(['started', 'closed']);
    expect(runtime!.dataSource.isInitialized).toBe(false);
    expect(runtime!.nc.isClosed()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${service!.opsPort}/health/live`)).rejects.toThrow();
  });
});
