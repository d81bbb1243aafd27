// `npm run bench:sla`: the SLA watcher with 1,000,000 open cases, each with a pending timer; writes its idle CPU
// and how late due timers fire to docs/benchmarks.md.
// sla-watcher runs as its own process (services/sla-watcher/dist/main.js, the system clock) on a database of its
// own, filled with SQL first: 1,000,000 parked cases in `tracked_case` and 1,000,000 pending `parked` timers due
// over the next 30 days, none in the measurement windows. Idle: the process's CPU from /proc over a window when
// nothing is due. Firing: timers due every few milliseconds over a window are inserted ahead of time (their
// NOTIFY wakes the loop); how late each fired (`fired_at - due_at`, and the reminder's arrival on NATS) is the
// latency. Both are measured with the million pending timers in the table.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureStreams, outboxTablesSql } from '../../libs/messaging/dist/index.js';
import { createTestContext, freePort } from '../../libs/testing/dist/index.js';
import { slaReminderV1 } from '../../libs/contracts/dist/index.js';
import { SCHEMA } from '../../services/sla-watcher/dist/schema.js';
import { cpuSeconds, machine, measuredLine, percentile, root, rssMiB, writeSection } from './lib.mjs';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const DUE_TIMERS = Number(process.env.BENCH_DUE_TIMERS ?? 3_000);
const DUE_SECONDS = Number(process.env.BENCH_DUE_SECONDS ?? 30);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForOk(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sla-watcher exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await sleep(200);
  }
}

const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
let child;
try {
  await ensureStreams(ctx.jsm, ctx.names, ['sla', 'case']);
  const db = ctx.dataSource;
  console.log(`filling: ${CASES} cases and timers`);
  let started = performance.now();
  await db.query(`SET synchronous_commit = off`);
  // Deterministic ids in the UUID format the contracts accept (version 4, RFC variant).
  await db.query(`CREATE FUNCTION public.bench_uid(text) RETURNS uuid IMMUTABLE LANGUAGE sql AS
    $$ SELECT (substr(md5($1), 1, 12) || '4' || substr(md5($1), 14, 3) || '8' || substr(md5($1), 18))::uuid $$`);
  const CHUNK = 100_000;
  for (let from = 0; from < CASES; from += CHUNK) {
    const to = Math.min(CASES, from + CHUNK) - 1;
    await db.query(
      `INSERT INTO sla_watcher.tracked_case (case_id, number, title, status, priority, version, inbox_id, assignee_id,
         origin_inbox_id, sla, customer_wants_answer, customer_answered, registered_at, parked_until, sla_used_minutes,
         updated_at)
       SELECT public.bench_uid('case' || i), '2026-' || lpad(i::text, 6, '0') || '', 'Ärende ' || i, 'parked', 'normal', 2,
              'inkorg-' || (i % 50), 'handlaggare-' || (i % 400), 'kundtjanst', NULL, true, false, now(),
              now() + make_interval(secs => 3600 + (i % 2592000)), 0, now()
         FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
    await db.query(
      `INSERT INTO sla_watcher.timer (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts, created_at)
       SELECT public.bench_uid('timer' || i), 'parked:' || public.bench_uid('case' || i), public.bench_uid('case' || i), 'parked',
              'reminder', 1, now() + make_interval(secs => 3600 + (i % 2592000)),
              now() + make_interval(secs => 3600 + (i % 2592000)), '{}', 0, now()
         FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
  }
  await db.query(`ANALYZE sla_watcher.timer`);
  await db.query(`ANALYZE sla_watcher.tracked_case`);
  const fillSeconds = (performance.now() - started) / 1000;
  console.log(`filled in ${fillSeconds.toFixed(0)} s`);

  const opsPort = await freePort();
  child = spawn(process.execPath, [path.join(root, 'services/sla-watcher/dist/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: ctx.databaseUrl,
      NATS_PREFIX: ctx.prefix,
      OPS_PORT: String(opsPort),
      DAILY_REPORT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  started = performance.now();
  await waitForOk(`http://127.0.0.1:${opsPort}/health/ready`, child);
  const bootSeconds = (performance.now() - started) / 1000;
  await sleep(5_000);

  // Idle: nothing due for an hour.
  console.log(`idle: ${IDLE_SECONDS} s`);
  // Beside it, for comparison: an empty Node process with nothing but the default Prometheus collectors every
  // service registers (libs/observability).
  const baseline = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { Registry, collectDefaultMetrics } from ${JSON.stringify(path.join(root, 'node_modules/prom-client/index.js'))};
       collectDefaultMetrics({ register: new Registry() }); setInterval(() => {}, 1 << 30);`,
    ],
    { stdio: 'ignore' },
  );
  await sleep(1_000);
  const idleBefore = cpuSeconds(child.pid);
  const baselineBefore = cpuSeconds(baseline.pid);
  await sleep(IDLE_SECONDS * 1000);
  const idleCpu = cpuSeconds(child.pid) - idleBefore;
  const baselineCpu = cpuSeconds(baseline.pid) - baselineBefore;
  baseline.kill();
  const idlePercent = (idleCpu / IDLE_SECONDS) * 100;
  const rss = rssMiB(child.pid);

  // Firing: timers due every DUE_SECONDS / DUE_TIMERS seconds, starting in 5 s, written in one statement ahead.
  const arrivals = new Map();
  const subscription = ctx.nc.subscribe(ctx.names.subject(slaReminderV1.subject), {
    callback: (error, msg) => {
      if (error) return;
      const data = msg.json().data;
      arrivals.set(data.timerId, Date.now() - Date.parse(data.dueAt));
    },
  });
  const firstDue = Date.now() + 5_000;
  const stepMs = (DUE_SECONDS * 1000) / DUE_TIMERS;
  await db.query(
    `INSERT INTO sla_watcher.timer (id, key, case_id, kind, stage, round, due_at, deadline_at, data, attempts, created_at)
     SELECT public.bench_uid('due' || i), 'bench-due:' || i, public.bench_uid('case' || i), 'parked', 'reminder', 1,
            to_timestamp(($1::float8 + i * $2::float8) / 1000), to_timestamp(($1::float8 + i * $2::float8) / 1000),
            '{}', 0, now()
       FROM generate_series(0, $3::int - 1) AS i`,
    [firstDue, stepMs, DUE_TIMERS],
  );
  // The parked reminder is only sent for a case still parked at its due time: make the due ones so.
  await db.query(
    `UPDATE sla_watcher.tracked_case SET parked_until = to_timestamp(($1::float8 + i * $2::float8) / 1000)
       FROM generate_series(0, $3::int - 1) AS i WHERE case_id = public.bench_uid('case' || i)`,
    [firstDue, stepMs, DUE_TIMERS],
  );
  const firingBefore = cpuSeconds(child.pid);
  const deadline = firstDue + DUE_SECONDS * 1000 + 30_000;
  while (arrivals.size < DUE_TIMERS && Date.now() < deadline) await sleep(250);
  const firingCpu = cpuSeconds(child.pid) - firingBefore;
  subscription.unsubscribe();
  const rows = await db.query(
    `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS late_ms FROM sla_watcher.timer
      WHERE key LIKE 'bench-due:%' AND fired_at IS NOT NULL`,
  );
  const late = rows.map((row) => Number(row.late_ms)).sort((a, b) => a - b);
  const published = [...arrivals.values()].sort((a, b) => a - b);
  const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM sla_watcher.timer WHERE fired_at IS NULL`);
  const [{ twice }] = await db.query(
    `SELECT count(*)::int AS twice FROM (SELECT payload->'data'->>'timerId' AS t FROM sla_watcher.outbox
       GROUP BY 1 HAVING count(*) > 1) d`,
  );

  const m = machine();
  const fmt = (v) => (v === undefined ? '—' : v.toFixed(0));
  const lines = [
    '## SLA watcher: idle CPU and firing latency (`npm run bench:sla`)',
    '',
    measuredLine(m),
    '',
    `${CASES.toLocaleString('en')} open (parked) cases in \`tracked_case\`, each with a pending timer (due over the next ` +
      `30 days), filled by SQL in ${fillSeconds.toFixed(0)} s; sla-watcher as its own process on the system clock ` +
      `(ready ${bootSeconds.toFixed(1)} s after start, RSS ${rss} MiB).`,
    '',
    '| measurement | value |',
    '| --- | ---: |',
    `| idle CPU over ${IDLE_SECONDS} s with nothing due (from /proc) | ${idleCpu.toFixed(2)} s (${idlePercent.toFixed(2)} % of a core) |`,
    `| the same window: an empty Node process with only the default Prometheus collectors | ${baselineCpu.toFixed(2)} s (${((baselineCpu / IDLE_SECONDS) * 100).toFixed(2)} % of a core) |`,
    `| due timers fired | ${late.length} of ${DUE_TIMERS} (due every ${stepMs.toFixed(0)} ms for ${DUE_SECONDS} s) |`,
    `| fired late (\`fired_at - due_at\`) p50 / p95 / p99 / max | ${fmt(percentile(late, 50))} / ${fmt(percentile(late, 95))} / ${fmt(percentile(late, 99))} / ${fmt(late.at(-1))} ms |`,
    `| reminder on NATS after its due time p50 / p95 / p99 / max | ${fmt(percentile(published, 50))} / ${fmt(percentile(published, 95))} / ${fmt(percentile(published, 99))} / ${fmt(published.at(-1))} ms |`,
    `| CPU while firing | ${firingCpu.toFixed(2)} s over ${DUE_SECONDS} s |`,
    `| timers still pending afterwards / reminders written twice | ${pending.toLocaleString('en')} / ${twice} |`,
    '',
    'Idle, the loop sleeps until the earliest pending timer, at most 30 s, and runs one query on the partial index of',
    'pending timers per wake-up; a timer written by anyone wakes it through NOTIFY. Firing claims due rows with',
    '`FOR UPDATE SKIP LOCKED` and writes each reminder to the outbox in the same transaction. Most of the idle CPU',
    'is what every service carries: the default Prometheus collectors (their event-loop-delay monitor wakes Node',
    'every few milliseconds), as the second row shows for an empty process.',
  ];
  const file = writeSection('sla', lines);
  console.log(lines.join('\n'));
  console.log(`written to ${file}`);
} finally {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await ctx.close();
}
