// `npm run bench:intake`: pushes e-mails through the SMTP listener into cases and writes accepted messages
// per second, cases per second end to end, and intake-to-case latency (p50/p95/p99) to docs/benchmarks.md.
// Two runs: as fast as the platform takes them (throughput), then a steady rate (latency).
// The platform runs as separate processes; the SMTP load generator (a lean client) is this process.
import pg from 'pg';
import { SmtpClient, startPlatform, textMessage } from '../../e2e/dist/index.js';
import { cpuMsPer, cpuSnapshot, cpuTable, machine, measuredLine, percentile, rssMiB, writeSection } from './lib.mjs';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const STEADY_RATE = Number(process.env.BENCH_RATE ?? 200);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 30);

const run = Date.now().toString(36);
const BODY = [
  'Hej!',
  '',
  'Trottoaren utanför Råsundavägen 12 är inte plogad sedan i morse, och det är mycket halt.',
  'Äldre grannar kan inte ta sig till busshållplatsen. Kan ni skicka en plogbil så snart som möjligt?',
  '',
  'Med vänliga hälsningar',
  'Åsa Öberg',
].join('\n');

function messages(label, count) {
  return Array.from({ length: count }, (_, i) => {
    const from = `kund${i % 997}.${label}@example.se`;
    const subject = `Bench ${run} ${label} ${i}`;
    return {
      from,
      subject,
      raw: textMessage({
        from,
        to: 'kundtjanst@kommun.example',
        subject,
        text: BODY,
        messageId: `<bench-${run}-${label}-${i}@example.se>`,
      }),
    };
  });
}

/** Sends the messages over `connections` connections; `at(i)` (ms since start) paces them when given. */
async function send(platform, list, connections, at) {
  const sentAt = new Float64Array(list.length);
  const acceptedAt = new Float64Array(list.length);
  let next = 0;
  let refused = 0;
  let firstRefusal = '';
  const started = Date.now();
  async function worker() {
    const smtp = await SmtpClient.connect(platform.smtpPort);
    for (;;) {
      const i = next++;
      if (i >= list.length) break;
      if (at) {
        const wait = started + at(i) - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      sentAt[i] = Date.now();
      const reply = await smtp.send(list[i].from, [platform.intakeAddress], list[i].raw);
      acceptedAt[i] = Date.now();
      if (reply.code !== 250) {
        refused++;
        firstRefusal ||= `${reply.code} ${reply.text}`;
      }
    }
    await smtp.close();
  }
  await Promise.all(Array.from({ length: connections }, worker));
  return { started, finished: Date.now(), sentAt, acceptedAt, refused, firstRefusal };
}

/** Waits until every message of the label is a case; returns the registration time of each, by index. */
async function casesOf(db, label, count, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM case_core."case" WHERE title LIKE $1`, [
      `Bench ${run} ${label} %`,
    ]);
    if (rows[0].n >= count) break;
    if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${count} ${label} cases after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const { rows } = await db.query(`SELECT title, registered_at FROM case_core."case" WHERE title LIKE $1`, [
    `Bench ${run} ${label} %`,
  ]);
  const registeredAt = new Float64Array(count);
  let duplicates = 0;
  for (const row of rows) {
    const i = Number(row.title.slice(row.title.lastIndexOf(' ') + 1));
    if (registeredAt[i] !== 0) duplicates++;
    registeredAt[i] = row.registered_at.getTime();
  }
  return { registeredAt, duplicates, count: rows.length };
}

function latencies(sent, cases) {
  const values = Array.from(cases.registeredAt, (at, i) => at - sent.sentAt[i]).sort((a, b) => a - b);
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: values.at(-1) };
}

const platform = await startPlatform({ label: 'bench' });
const db = new pg.Client(platform.databaseUrl);
await db.connect();
let exitCode = 0;
try {
  const warm = await send(platform, messages('warm', WARMUP), 8);
  await casesOf(db, 'warm', WARMUP);
  if (warm.refused > 0) throw new Error(`warm-up refused: ${warm.firstRefusal}`);

  // 1. Throughput: everything at once.
  const bulkList = messages('bulk', MESSAGES);
  const cpuBefore = cpuSnapshot(platform.processes);
  const bulk = await send(platform, bulkList, CONNECTIONS);
  const bulkCases = await casesOf(db, 'bulk', MESSAGES);
  const cpuAfter = cpuSnapshot(platform.processes);
  const lastCase = Math.max(...bulkCases.registeredAt);
  const bulkResult = {
    accepted: MESSAGES - bulk.refused,
    acceptedPerSecond: (MESSAGES - bulk.refused) / ((bulk.finished - bulk.started) / 1000),
    casesPerSecond: bulkCases.count / ((lastCase - bulk.started) / 1000),
    latency: latencies(bulk, bulkCases),
    duplicates: bulkCases.duplicates,
    cpu: cpuMsPer(cpuBefore, cpuAfter, MESSAGES),
  };
  console.log(
    `bulk: ${bulkResult.acceptedPerSecond.toFixed(0)} accepted/s, ${bulkResult.casesPerSecond.toFixed(0)} cases/s end to end, ` +
      `latency p50 ${bulkResult.latency.p50} p95 ${bulkResult.latency.p95} p99 ${bulkResult.latency.p99} ms, refused ${bulk.refused}; ` +
      `CPU ms/message ${JSON.stringify(Object.fromEntries(Object.entries(bulkResult.cpu).map(([k, v]) => [k, Number(v.toFixed(2))])))}`,
  );

  // 2. Latency at a steady rate.
  const steadyCount = STEADY_RATE * STEADY_SECONDS;
  const steadyList = messages('steady', steadyCount);
  const steadyCpuBefore = cpuSnapshot(platform.processes);
  const steady = await send(platform, steadyList, 8, (i) => (i * 1000) / STEADY_RATE);
  const steadyCases = await casesOf(db, 'steady', steadyCount);
  const steadyCpuAfter = cpuSnapshot(platform.processes);
  const steadyResult = {
    achievedRate: steadyCount / ((steady.finished - steady.started) / 1000),
    latency: latencies(steady, steadyCases),
    duplicates: steadyCases.duplicates,
    refused: steady.refused,
    cpu: cpuMsPer(steadyCpuBefore, steadyCpuAfter, steadyCount),
  };
  console.log(
    `steady ${STEADY_RATE}/s: achieved ${steadyResult.achievedRate.toFixed(0)}/s, latency p50 ${steadyResult.latency.p50} ` +
      `p95 ${steadyResult.latency.p95} p99 ${steadyResult.latency.p99} max ${steadyResult.latency.max} ms, refused ${steady.refused}`,
  );

  const rss = Object.fromEntries(Object.entries(platform.processes).map(([name, child]) => [name, rssMiB(child.pid)]));
  const m = machine();
  const file = writeSection('intake', [
    '## E-mail intake to case (`npm run bench:intake`)',
    '',
    measuredLine(m),
    'Path: SMTP (smtp-server) → mailparser → raw message in the filesystem blob store → one statement',
    '(inbound_message + outbox row) → 250 → relay → JetStream → case-core intake consumer, 8 at a time (one',
    'transaction of prepared statements: processed mark, thread lookup, case + event-log + outbox, entry + event-log',
    '+ outbox, thread key) → relay. Each message is a ~500-byte Swedish',
    `text mail (UTF-8, 8bit) from one of 997 senders; the load generator is a lean SMTP client in the benchmark process.`,
    `Latency is from the client starting the SMTP transaction to the case's registration time. ${WARMUP} warm-up messages first.`,
    '',
    '| run | messages | connections | accepted/s | cases/s end to end | p50 ms | p95 ms | p99 ms | refused | duplicate cases |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| as fast as taken | ${MESSAGES} | ${CONNECTIONS} | ${bulkResult.acceptedPerSecond.toFixed(0)} | ${bulkResult.casesPerSecond.toFixed(0)} | ${bulkResult.latency.p50} | ${bulkResult.latency.p95} | ${bulkResult.latency.p99} | ${bulk.refused} | ${bulkResult.duplicates} |`,
    `| steady ${STEADY_RATE}/s (achieved ${steadyResult.achievedRate.toFixed(0)}/s) | ${steadyCount} | 8 | — | — | ${steadyResult.latency.p50} | ${steadyResult.latency.p95} | ${steadyResult.latency.p99} | ${steady.refused} | ${steadyResult.duplicates} |`,
    '',
    'CPU per message (milliseconds of user + system time, from /proc; PostgreSQL is all its backends):',
    '',
    ...cpuTable('run', [
      { label: 'as fast as taken', cpu: bulkResult.cpu },
      { label: `steady ${STEADY_RATE}/s`, cpu: steadyResult.cpu },
    ]),
    '',
    'Resident memory after the run: ' +
      Object.entries(rss)
        .map(([name, mib]) => `${name} ${mib} MiB`)
        .join(', ') +
      '.',
    '',
    'Target (issue 5): at least 500 messages/s end to end, and p99 under 1 s at a steady 200 messages/s.',
  ]);
  console.log(`written to ${file}`);
  if (bulk.refused > 0 || steady.refused > 0 || bulkResult.duplicates > 0 || steadyResult.duplicates > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await db.end();
  await platform.stop();
}
process.exit(exitCode);
