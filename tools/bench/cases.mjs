// `npm run bench:cases`: registers cases through the gateway at concurrency 1, 8 and 32 and writes
// throughput and latency percentiles, with the machine and date, to docs/benchmarks.md.
// The platform runs as separate processes (issuer, case-core, gateway); the load generator is this process.
import { Pool } from 'undici';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { startPlatform } from '../../e2e/dist/index.js';
import { cpuMsPer, cpuSnapshot, cpuTable, machine, measuredLine, percentile, rssMiB, writeSection } from './lib.mjs';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);

const body = JSON.stringify({
  title: 'Snöröjning har uteblivit på Råsundavägen',
  description: 'Trottoaren utanför Råsundavägen 12 är inte plogad sedan i morse.',
  channel: 'phone',
  priority: 'normal',
  caseTypeId: 'snorojning-utebliven',
  categoryId: 'felanmalan',
  orgUnitId: 'stadsbyggnad',
  customerWantsAnswer: true,
});

async function load(pool, token, total, concurrency) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let firstError = '';
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  async function worker() {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const started = performance.now();
      const response = await pool.request({ method: 'POST', path: '/api/v1/cases', headers, body });
      const text = await response.body.text();
      latencies[i] = performance.now() - started;
      if (response.statusCode !== 201) {
        errors++;
        firstError ||= `HTTP ${response.statusCode} ${text.slice(0, 200)}`;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    concurrency,
    total,
    errors,
    firstError,
    seconds,
    throughput: total / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

function writeReport(results, rss, events, created, m) {
  const rows = results.map(
    (r) =>
      `| ${r.concurrency} | ${r.total} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
  );
  return writeSection('cases', [
    '## Case registration through the gateway (`npm run bench:cases`)',
    '',
    measuredLine(m),
    'Path: HTTP POST /api/v1/cases with an RS256 bearer token → gateway (fastify) → NATS request → case-core →',
    'one PostgreSQL statement (case + outbox row + event-log line) → outbox relay → JetStream. The load generator',
    `(undici, keep-alive, one connection per concurrent client) runs on the same machine; ${WARMUP} warm-up cases first.`,
    '',
    '| concurrency | cases | cases/s | p50 ms | p95 ms | p99 ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'CPU per case (milliseconds of user + system time, from /proc; PostgreSQL is all its backends, the outbox relay runs inside case-core):',
    '',
    ...cpuTable(
      'concurrency',
      results.map((r) => ({ label: r.concurrency, cpu: r.cpuMsPerCase })),
    ),
    '',
    `Events: ${events} \`case.evt.registered.v1\` messages in the stream for ${created} cases registered (exactly once each: ${events === created ? 'yes' : 'NO'}).`,
    '',
    'Resident memory after the run: ' +
      Object.entries(rss)
        .map(([name, mib]) => `${name} ${mib} MiB`)
        .join(', ') +
      '.',
    '',
    'Target (issue 3): at least 900 cases/s at concurrency 32 with p99 under 100 ms.',
  ]);
}

const platform = await startPlatform({ label: 'bench' });
let exitCode = 0;
try {
  const { loginDemoUser } = await import('../../libs/local-issuer/dist/index.js');
  const token = await loginDemoUser(platform.issuerUrl, 'anna');
  const pool = new Pool(platform.gatewayUrl, { connections: Math.max(...LEVELS), pipelining: 1 });
  const warm = await load(pool, token, WARMUP, 8);
  if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.firstError}`);
  const results = [];
  for (const concurrency of LEVELS) {
    const before = cpuSnapshot(platform.processes);
    const result = await load(pool, token, CASES, concurrency);
    const after = cpuSnapshot(platform.processes);
    // Milliseconds of CPU per case in each process (postgres: all its backends; the relay runs in case-core).
    result.cpuMsPerCase = cpuMsPer(before, after, CASES);
    console.log(
      `c=${concurrency}: ${result.throughput.toFixed(0)} cases/s, CPU ms/case ${JSON.stringify(Object.fromEntries(Object.entries(result.cpuMsPerCase).map(([k, v]) => [k, Number(v.toFixed(2))])))}, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`,
    );
    results.push(result);
  }
  await pool.close();
  const rss = Object.fromEntries(Object.entries(platform.processes).map(([name, child]) => [name, rssMiB(child.pid)]));
  const created = WARMUP + results.reduce((sum, r) => sum + r.total - r.errors, 0);
  // Let the relay publish the last rows before counting.
  let events = 0;
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(`${platform.prefix.toUpperCase()}CASE`).catch(() => null);
    await nc.close();
    events = info?.state.messages ?? 0;
    if (events >= created) break;
  }
  const file = writeReport(results, rss, events, created, machine());
  console.log(`events in stream: ${events} for ${created} cases; RSS: ${JSON.stringify(rss)}; written to ${file}`);
  if (results.some((r) => r.errors > 0) || events !== created) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await platform.stop();
}
process.exit(exitCode);
