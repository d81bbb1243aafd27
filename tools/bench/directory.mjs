// `npm run bench:directory`: 20,000 generated staff in the directory, then as-you-type searches through the
// gateway, each query typed letter by letter from two letters; writes latency percentiles to docs/benchmarks.md
// and the hot query's plans to services/routing/queries/directory-search.md.
// Staff: Swedish first and last names drawn Zipf-like (Anna, Erik, Andersson, Johansson are common, as in a city's
// staff), titles, 8 departments with 5 units each, two to four skills. Most are written in bulk with routing's own
// repository and prefix code, the last 500 saved through routing.rpc.staff-save.v1 at concurrency 8 (the save
// rate). Queries: one to three words taken from one
// person (first and last name, last name with a title word, a skill, a department or unit word), so the person
// searched for is known; each answer is checked against the same search done in memory over the generated staff.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { startPlatform } from '../../e2e/dist/index.js';
import { saveReferenceV1, saveStaffV1 } from '../../libs/contracts/dist/index.js';
import { RpcClient, connectMessaging } from '../../libs/messaging/dist/index.js';
import { createDataSource } from '../../libs/persistence/dist/index.js';
import {
  directoryWords,
  nameSortKey,
  prefixTiers,
  queryWords,
} from '../../services/routing/dist/directory/directory-words.js';
import { StaffRepository, directorySearch } from '../../services/routing/dist/repositories/staff.repository.js';
import { SCHEMA } from '../../services/routing/dist/schema.js';
import {
  cpuMsPer,
  cpuSnapshot,
  cpuTable,
  machine,
  measuredLine,
  percentile,
  root,
  rssMiB,
  writeSection,
} from './lib.mjs';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, SKILLS, TITLES } from './directory-data.mjs';

const STAFF = Number(process.env.BENCH_STAFF ?? 20_000);
const PHRASES = Number(process.env.BENCH_PHRASES ?? 400);
const WARMUP_PHRASES = Number(process.env.BENCH_WARMUP_PHRASES ?? 40);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);
const LIMIT = 20;
/** The last people are saved through routing.rpc.staff-save.v1 (the measured save path); the rest in bulk. */
const SAVED_BY_RPC = Number(process.env.BENCH_SAVED_BY_RPC ?? 500);

// Deterministic, so runs compare.
let seed = 20261202;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

function zipf(list, s = 1) {
  const cdf = [];
  let sum = 0;
  const total = list.reduce((acc, _, i) => acc + 1 / (i + 1) ** s, 0);
  for (let i = 0; i < list.length; i++) cdf.push((sum += 1 / (i + 1) ** s / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
}

const firstName = zipf(FIRST_NAMES, 0.7);
const lastName = zipf(LAST_NAMES, 0.8);

function generateStaff() {
  const staff = [];
  for (let i = 0; i < STAFF; i++) {
    const department = pick(DEPARTMENTS);
    const unit = pick(department.units);
    const skills = new Set();
    const wanted = between(2, 4);
    while (skills.size < wanted) skills.add(pick(SKILLS));
    const name = random() < 0.08 ? `${firstName()}-${firstName()} ${lastName()}` : `${firstName()} ${lastName()}`;
    staff.push({
      id: `bench-${i}`,
      name,
      title: pick(TITLES),
      departmentId: department.id,
      unitId: unit.id,
      phone: `08-746 ${String(between(0, 9999)).padStart(4, '0')}`,
      email: `anstalld${i}@kommun.example`,
      skills: [...skills],
      inboxIds: [],
      active: random() > 0.02,
    });
  }
  return staff;
}

const staff = generateStaff();
const departmentName = new Map(DEPARTMENTS.map((d) => [d.id, d.name]));
const unitName = new Map(DEPARTMENTS.flatMap((d) => d.units.map((u) => [u.id, u.name])));
// The words each person is found by, as routing builds them (the same folding code).
const searchable = staff.map((p) =>
  p.active
    ? new Set(
        [p.name, p.title, ...p.skills, departmentName.get(p.departmentId), unitName.get(p.unitId)].flatMap(
          directoryWords,
        ),
      )
    : new Set(),
);
const sortedWords = searchable.map((words) => [...words].sort());

/** Every active person whose words begin with every query word: the answer the search must give. */
function expected(q) {
  const words = queryWords(q);
  const found = [];
  for (let i = 0; i < staff.length; i++) {
    if (words.every((w) => sortedWords[i].some((own) => own.startsWith(w)))) found.push(staff[i].id);
  }
  return found;
}

/** One to three words an agent would type to find this person. */
function phraseFor(p) {
  const [first, last] = [p.name.split(' ')[0].split('-')[0], p.name.split(' ').at(-1)];
  const titleWord = pick(p.title.split(' '));
  const skill = pick(p.skills).split(' ')[0];
  const place = pick([departmentName.get(p.departmentId), unitName.get(p.unitId)]).split(' ')[0];
  const r = random();
  const words =
    r < 0.15
      ? [last]
      : r < 0.45
        ? [first, last]
        : r < 0.55
          ? [last, first]
          : r < 0.7
            ? [last, titleWord]
            : r < 0.8
              ? [skill, last]
              : r < 0.9
                ? [first, last, place]
                : [first, skill, last];
  return { target: p.id, text: words.join(' ').toLowerCase() };
}

/** What the search box sends while the phrase is typed: from two letters, once per letter (spaces add nothing). */
function keystrokes(text) {
  const queries = [];
  for (let end = 2; end <= text.length; end++) {
    if (text[end - 1] === ' ') continue;
    queries.push(text.slice(0, end));
  }
  return queries;
}

const active = staff.filter((p) => p.active);
const phrases = Array.from({ length: PHRASES + WARMUP_PHRASES }, () => phraseFor(pick(active)));
const warmup = phrases.slice(0, WARMUP_PHRASES);
const measured = phrases.slice(WARMUP_PHRASES);
for (const phrase of measured) phrase.expected = expected(phrase.text);

async function saveOrgUnits(rpc, ctx) {
  for (const department of DEPARTMENTS) {
    await rpc.request(
      saveReferenceV1,
      { kind: 'org-unit', id: department.id, name: department.name, orgLevel: 'department' },
      ctx,
    );
    for (const unit of department.units) {
      await rpc.request(
        saveReferenceV1,
        { kind: 'org-unit', id: unit.id, name: unit.name, orgLevel: 'unit', parentId: department.id },
        ctx,
      );
    }
  }
}

/** Most people straight into routing's tables with its own repository and prefix code, 500 a transaction. */
async function loadInBulk(databaseUrl, people) {
  const dataSource = createDataSource({ ...SCHEMA, url: databaseUrl, poolSize: 2, applicationName: 'bench-directory' });
  await dataSource.initialize();
  const repository = new StaffRepository(dataSource, SCHEMA.schema);
  const updatedAt = new Date().toISOString();
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500);
    await dataSource.transaction(async (manager) => {
      for (const p of batch) {
        await repository.save(manager, { ...p, mobile: null, userName: null, version: 1, updatedAt }, 'bench');
      }
      await repository.replacePrefixes(
        manager,
        batch
          .filter((p) => p.active)
          .map((p) => ({
            id: p.id,
            nameKey: nameSortKey(p.name),
            tiers: prefixTiers({
              ...p,
              departmentName: departmentName.get(p.departmentId),
              unitName: unitName.get(p.unitId),
            }),
          })),
      );
    });
  }
  await dataSource.destroy();
}

/** The rest through routing's save (checks, prefix rows, outbox event), at concurrency 8. */
async function saveThroughRpc(rpc, ctx, people) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < people.length; i = next++) await rpc.request(saveStaffV1, people[i], ctx);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function run(pool, token, list, concurrency) {
  const latencies = [];
  const twoLetters = [];
  let errors = 0;
  let firstError = '';
  let wrong = 0;
  let firstWrong = '';
  let checked = 0;
  let next = 0;
  const headers = { authorization: `Bearer ${token}` };
  async function typist() {
    for (let i = next++; i < list.length; i = next++) {
      const phrase = list[i];
      const typed = keystrokes(phrase.text);
      for (const [k, q] of typed.entries()) {
        const started = performance.now();
        const response = await pool.request({
          method: 'GET',
          path: `/api/v1/directory?limit=${LIMIT}&q=${encodeURIComponent(q)}`,
          headers,
        });
        const body = await response.body.text();
        const ms = performance.now() - started;
        latencies.push(ms);
        if (q.length === 2) twoLetters.push(ms);
        if (response.statusCode !== 200) {
          errors++;
          firstError ||= `HTTP ${response.statusCode} ${body.slice(0, 200)}`;
          continue;
        }
        if (k !== typed.length - 1 || !phrase.expected) continue;
        // The whole phrase typed: the answer is every match when there are at most LIMIT, else LIMIT of them.
        checked++;
        const ids = JSON.parse(body).items.map((item) => item.person.id);
        const all = new Set(phrase.expected);
        const right =
          ids.every((id) => all.has(id)) &&
          ids.length === Math.min(LIMIT, all.size) &&
          (all.size > LIMIT || ids.includes(phrase.target));
        if (!right) {
          wrong++;
          firstWrong ||= `"${q}": got ${ids.length} (${ids.slice(0, 3).join(', ')}…), expected ${all.size} with ${phrase.target}`;
        }
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, typist));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const sortedTwo = twoLetters.sort((a, b) => a - b);
  return {
    concurrency,
    total: sorted.length,
    errors,
    firstError,
    wrong,
    firstWrong,
    checked,
    throughput: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1),
    twoLetterP95: percentile(sortedTwo, 95),
  };
}

/** The hot query's plans on the loaded data, committed beside routing so a change of plan shows in review. */
async function explainSnapshot(databaseUrl) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const cases = [
    ['two letters of a common first name', 'an'],
    ['a department word, one letter', 's'],
    ['a common first name and one letter', 'anna s'],
    ['a first name and the start of a last name', 'anna lindq'],
    ['a last name and a title word', 'johansson handl'],
    ['three words', 'erik stadsb plan'],
  ];
  const sections = [];
  const timings = [];
  for (const [what, q] of cases) {
    const { sql, params } = directorySearch('routing', {
      words: queryWords(q),
      exactNameKey: nameSortKey(q),
      inboxId: null,
      departmentId: null,
      limit: LIMIT,
    });
    // Twice: the second run is the one kept, on pages the first has read.
    await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql}`, params);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${sql}`, params);
    const lines = rows.map((row) => row['QUERY PLAN']);
    timings.push({ what, q, ms: Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN) });
    const plan = lines.filter((line) => !/^(Planning|Execution) Time/.test(line));
    sections.push(`### ${what}: \`${q}\``, '', '```sql', sql, '```', '', '```', ...plan, '```', '');
  }
  await client.end();
  const file = path.join(root, 'services/routing/queries/directory-search.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    [
      '# `routing.rpc.directory-search.v1`: the hot query and its plans',
      '',
      `Written by \`npm run bench:directory\` on ${STAFF} generated staff (do not edit by hand). The SQL is`,
      '`directorySearch` in `src/repositories/staff.repository.ts` (one statement for one word, one for several);',
      'plans are `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)`, so they change only when the plan or the row counts do.',
      'Times are in docs/benchmarks.md.',
      '',
      ...sections,
    ].join('\n'),
  );
  return timings;
}

const platform = await startPlatform({ label: 'bench' });
let exitCode = 0;
try {
  const { nc, names } = await connectMessaging({
    servers: 'nats://127.0.0.1:4222',
    name: 'bench',
    prefix: platform.prefix,
    streams: [],
  });
  const rpc = new RpcClient({ nc, names, timeoutMs: 30_000 });
  const ctx = {
    actor: { kind: 'staff', id: 'bench-admin', name: 'Bench', roles: ['admin'], groups: [] },
    correlationId: 'bench-directory',
  };
  await saveOrgUnits(rpc, ctx);
  const loadStarted = performance.now();
  await loadInBulk(platform.databaseUrl, staff.slice(0, STAFF - SAVED_BY_RPC));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rpcStarted = performance.now();
  await saveThroughRpc(rpc, ctx, staff.slice(STAFF - SAVED_BY_RPC));
  const savesPerSecond = SAVED_BY_RPC / ((performance.now() - rpcStarted) / 1000);
  await nc.drain();
  console.log(
    `loaded ${STAFF - SAVED_BY_RPC} people in bulk in ${loadSeconds.toFixed(0)} s, saved ${SAVED_BY_RPC} through the RPC at ${savesPerSecond.toFixed(0)}/s`,
  );
  const db = new pg.Client(platform.databaseUrl);
  await db.connect();
  await db.query('VACUUM ANALYZE routing.staff');
  await db.query('VACUUM ANALYZE routing.staff_prefix');
  const {
    rows: [{ count: prefixRows, size }],
  } = await db.query(
    "SELECT count(*)::int AS count, pg_size_pretty(pg_total_relation_size('routing.staff_prefix')) AS size FROM routing.staff_prefix",
  );
  await db.end();
  const { loginDemoUser } = await import('../../libs/local-issuer/dist/index.js');
  const token = await loginDemoUser(platform.issuerUrl, 'anna');
  const pool = new Pool(platform.gatewayUrl, { connections: Math.max(...LEVELS), pipelining: 1 });
  const warm = await run(pool, token, warmup, 4);
  if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.firstError}`);
  const results = [];
  for (const concurrency of LEVELS) {
    const before = cpuSnapshot(platform.processes);
    const loadBefore = os.loadavg()[0];
    const result = await run(pool, token, measured, concurrency);
    result.load = [loadBefore, os.loadavg()[0]];
    result.cpuMsPerQuery = cpuMsPer(before, cpuSnapshot(platform.processes), result.total);
    console.log(
      `c=${concurrency}: ${result.total} queries, ${result.throughput.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, two letters p95 ${result.twoLetterP95.toFixed(1)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}, wrong ${result.wrong}/${result.checked}${result.firstWrong ? ` (${result.firstWrong})` : ''}`,
    );
    results.push(result);
  }
  await pool.close();
  const timings = await explainSnapshot(platform.databaseUrl);
  const rss = Object.fromEntries(Object.entries(platform.processes).map(([name, child]) => [name, rssMiB(child.pid)]));
  const kinds = Object.entries(
    measured.reduce((acc, p) => ({ ...acc, [p.text.split(' ').length]: (acc[p.text.split(' ').length] ?? 0) + 1 }), {}),
  )
    .map(([n, count]) => `${count} of ${n} word${n === '1' ? '' : 's'}`)
    .join(', ');
  const overLimit = measured.filter((p) => p.expected.length > LIMIT).length;
  const file = writeSection('directory', [
    '## Staff directory search through the gateway (`npm run bench:directory`)',
    '',
    measuredLine(machine()),
    `Data: ${STAFF} people (2 % inactive) with Swedish first and last names drawn Zipf-like from ${FIRST_NAMES.length} and`,
    `${LAST_NAMES.length} names (8 % with a double first name), one of ${TITLES.length} titles, 2–4 of ${SKILLS.length} skills, in one of`,
    `${DEPARTMENTS.length} departments with 5 units each; ${prefixRows} prefix rows (${size} with their indexes). ${STAFF - SAVED_BY_RPC} people`,
    `written in ${loadSeconds.toFixed(0)} s with routing's own repository and prefix code (500 a transaction), the last ${SAVED_BY_RPC} saved through`,
    `\`routing.rpc.staff-save.v1\` at concurrency 8: ${savesPerSecond.toFixed(0)} saves/s (checks, about 90 prefix rows and the outbox event each).`,
    `Queries: ${measured.length} phrases (${kinds}) from one person each — first and last name, last and first, last name`,
    'and a title word, a skill and the last name, a name and a department or unit word — each typed letter by letter from',
    `two letters, one request per letter (${results[0]?.total ?? 0} requests); a typist sends the next letter when the answer came.`,
    `The answer to each whole phrase is checked against the same search over the generated staff in memory: all matches when`,
    `there are at most ${LIMIT} (the person searched for among them), else ${LIMIT} of the matches (${overLimit} phrases match more).`,
    'Path: HTTP GET /api/v1/directory?q=…&limit=20 with an RS256 bearer token → gateway → NATS request → routing →',
    'one PostgreSQL statement (one word: the prefix index read in rank order; several: the people of the word with the',
    `fewest each probed for every other word, then ranked; the 20 returned joined to their org unit names) → back. ${WARMUP_PHRASES} warm-up phrases first.`,
    '',
    '| concurrency | requests | queries/s | p50 ms | p95 ms | p99 ms | max ms | p95 two letters ms | errors | wrong answers | load average |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.concurrency} | ${r.total} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.twoLetterP95.toFixed(1)} | ${r.errors} | ${r.wrong} of ${r.checked} | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`,
    ),
    '',
    `Load average: the machine's 1-minute load average when the run began and when it ended (${os.cpus().length} cores).`,
    'Above the core count, other work shared the CPU with the run and its figures are higher than on an idle machine.',
    '',
    'The query alone in PostgreSQL (`EXPLAIN ANALYZE` execution time, plans in services/routing/queries/directory-search.md): ' +
      timings.map((t) => `${t.what} (\`${t.q}\`) ${t.ms.toFixed(1)} ms`).join(', ') +
      '.',
    '',
    'CPU per query (milliseconds of user + system time, from /proc; PostgreSQL is all its backends):',
    '',
    ...cpuTable(
      'concurrency',
      results.map((r) => ({ label: r.concurrency, cpu: r.cpuMsPerQuery })),
    ),
    '',
    'Resident memory after the run: ' +
      Object.entries(rss)
        .map(([name, mib]) => `${name} ${mib} MiB`)
        .join(', ') +
      '.',
    '',
    'Target (issue 6): p95 under 20 ms through the gateway.',
  ]);
  console.log(`written to ${file}`);
  if (results.some((r) => r.errors > 0 || r.wrong > 0)) exitCode = 1;
} catch (error) {
  console.error(error);
  console.error(platform.output().slice(-3000));
  exitCode = 1;
} finally {
  await platform.stop();
}
process.exit(exitCode);
