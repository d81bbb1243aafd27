import pg from 'pg';
import { createLogger, createMetrics, startOpsServer, type OpsServer, type ReadinessCheck } from '../../src/index.js';
import { LineCapture } from './capture.js';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The shape services use: one round trip to PostgreSQL. */
function postgresCheck(url: string): ReadinessCheck {
  return {
    name: 'postgres',
    async check() {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.query('select 1');
      } finally {
        await client.end();
      }
    },
  };
}

/** The value of the sample `name` with exactly `labels` (in any order) in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] === name && match[2].split(',').sort().join(',') === wanted) return Number(match[3]);
  }
  return undefined;
}

const passing: ReadinessCheck = { name: 'passing', check: () => Promise.resolve() };
const failing: ReadinessCheck = { name: 'nats', check: () => Promise.reject(new Error('connection refused')) };
const hanging: ReadinessCheck = { name: 'hanging', check: () => new Promise<void>(() => undefined) };
const throwing: ReadinessCheck = {
  name: 'throwing',
  check: () => {
    throw new Error('thrown synchronously');
  },
};

describe('startOpsServer', () => {
  const metrics = createMetrics('test-ops');
  const readiness: ReadinessCheck[] = [];
  const logs = new LineCapture();
  let server: OpsServer;
  let base: string;

  beforeAll(async () => {
    server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      metrics,
      readiness,
      timeoutMs: 200,
      logger: createLogger({ service: 'test-ops', destination: logs }),
    });
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    readiness.length = 0;
  });

  async function get(path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: string }> {
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  it('listens on the port it picked and says so once', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(logs.records()).toEqual([expect.objectContaining({ msg: 'Ops server listening', port: server.port })]);
  });

  it('answers live with 200', async () => {
    const response = await get('/health/live');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/json/);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('answers ready with 200 when every check passes', async () => {
    readiness.push(passing, postgresCheck(DATABASE_URL));
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('answers ready with 200 when there are no checks', async () => {
    expect((await get('/health/ready')).status).toBe(200);
  });

  it('answers ready with 503 naming each failing check and its error', async () => {
    readiness.push(passing, failing, throwing);
    const response = await get('/health/ready');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({
      status: 'unavailable',
      failed: [
        { name: 'nats', error: 'connection refused' },
        { name: 'throwing', error: 'thrown synchronously' },
      ],
    });
  });

  it('answers ready with 503 when a check never resolves', async () => {
    readiness.push(passing, hanging);
    const response = await get('/health/ready');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({
      status: 'unavailable',
      failed: [{ name: 'hanging', error: 'timed out after 200 ms' }],
    });
  });

  it('answers ready with 503 when PostgreSQL cannot be reached', async () => {
    readiness.push(postgresCheck('postgres://postgres@127.0.0.1:1/postgres'));
    const response = await get('/health/ready');
    expect(response.status).toBe(503);
    const body = JSON.parse(response.body) as { failed: { name: string; error: string }[] };
    expect(body.failed).toEqual([{ name: 'postgres', error: expect.stringMatching(/ECONNREFUSED/) as unknown }]);
  });

  it('serves metrics in Prometheus text, with what was counted and the default metrics', async () => {
    metrics.eventsPublished.inc(3);
    metrics.eventsConsumed.inc({ subject: 'case.evt.created.v1', outcome: 'ok' });
    metrics.rpcDuration.observe({ subject: 'case.rpc.create.v1', outcome: 'ok' }, 0.004);
    const response = await get('/metrics');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/plain/);
    expect(sample(response.body, 'events_published_total', { service: 'test-ops' })).toBe(3);
    expect(
      sample(response.body, 'events_consumed_total', {
        service: 'test-ops',
        subject: 'case.evt.created.v1',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(response.body, 'rpc_duration_seconds_count', {
        service: 'test-ops',
        subject: 'case.rpc.create.v1',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(response.body).toContain('process_cpu_user_seconds_total');
  });

  it('ignores the query string', async () => {
    expect((await get('/health/live?probe=1')).status).toBe(200);
  });

  it('answers 404 on other paths and 405 on other methods', async () => {
    expect((await get('/nothing')).status).toBe(404);
    expect((await get('/health/live', { method: 'POST' })).status).toBe(405);
  });
});

describe('createMetrics', () => {
  it('gives each call its own registry, so metrics can be created many times', async () => {
    const first = createMetrics('one');
    const second = createMetrics('two');
    first.eventsPublished.inc();
    expect(sample(await first.registry.metrics(), 'events_published_total', { service: 'one' })).toBe(1);
    expect(sample(await second.registry.metrics(), 'events_published_total', { service: 'two' })).toBe(0);
  });
});

describe('OpsServer.close', () => {
  it('stops listening', async () => {
    const server = await startOpsServer({
      host: '127.0.0.1',
      port: 0,
      metrics: createMetrics('closing'),
      readiness: [],
      logger: createLogger({ service: 'closing', destination: new LineCapture() }),
    });
    const url = `http://127.0.0.1:${server.port}/health/live`;
    expect((await fetch(url)).status).toBe(200);
    await server.close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses to start on a port in use', async () => {
    const options = {
      host: '127.0.0.1',
      metrics: createMetrics('busy'),
      readiness: [],
      logger: createLogger({ service: 'busy', destination: new LineCapture() }),
    };
    const first = await startOpsServer({ ...options, port: 0 });
    try {
      await expect(startOpsServer({ ...options, port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
