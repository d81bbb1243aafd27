// `npm run bench:knowledge`: 20,000 generated articles shaped like a city knowledge base, then as-you-type
// searches through the gateway; writes latency percentiles to docs/benchmarks.md.
// Articles: bodies of 150–600 words drawn Zipf-like from a vocabulary of 6,000 Swedish-like words, with
// Swedish stop words and the common municipal words (bygglov, avfall, parkering, hemtjänst …) among the most
// frequent; titles and summaries drawn the same way. They are written straight into knowledge's tables and
// indexed with knowledge's own PostgresSearch (the same code a publish runs). Queries: one to three words,
// most of them frequent ones, a third of them cut to a prefix, sent one at a time (an agent typing) and at
// concurrency 8 (several agents).
import { Pool } from 'undici';
import pg from 'pg';
import { startPlatform } from '../../e2e/dist/index.js';
import { createDataSource } from '../../libs/persistence/dist/index.js';
import { SCHEMA } from '../../services/knowledge/dist/schema.js';
import { PostgresSearch } from '../../services/knowledge/dist/search/postgres-search.js';
import { cpuMsPer, cpuSnapshot, cpuTable, machine, measuredLine, percentile, rssMiB, writeSection } from './lib.mjs';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 20_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,8').split(',').map(Number);
const VOCABULARY = 6_000;

// Deterministic, so runs compare.
let seed = 20261123;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = (list) => list[Math.floor(random() * list.length)];

const STOP_WORDS = [
  'och',
  'att',
  'det',
  'som',
  'en',
  'på',
  'är',
  'av',
  'för',
  'med',
  'till',
  'den',
  'har',
  'om',
  'ett',
  'kan',
  'du',
  'vi',
  'inte',
  'de',
];
const MUNICIPAL = [
  'bygglov',
  'avfall',
  'parkering',
  'hemtjänst',
  'snöröjning',
  'förskola',
  'skola',
  'ansökan',
  'avgift',
  'tillstånd',
  'kommunen',
  'invånare',
  'återvinning',
  'sophämtning',
  'gata',
  'park',
  'vatten',
  'avlopp',
  'bostad',
  'hyra',
  'färdtjänst',
  'äldreboende',
  'bibliotek',
  'simhall',
  'detaljplan',
  'fastighet',
  'trafik',
  'cykelväg',
  'belysning',
  'lekplats',
  'bidrag',
  'skolskjuts',
  'barnomsorg',
  'felanmälan',
  'handläggare',
  'beslut',
  'överklagande',
  'taxa',
  'renhållning',
  'miljö',
];
const SYLLABLES = [
  'ka',
  'lo',
  'ver',
  'sta',
  'ning',
  'het',
  'be',
  'för',
  'sam',
  'till',
  'gång',
  'skap',
  'rätt',
  'plan',
  'tid',
  'hus',
  'väg',
  'land',
  'berg',
  'mark',
  'an',
  'om',
  'ut',
  'in',
  'del',
  'sko',
  'lag',
  'ord',
  'ning',
  'fri',
  'bo',
  'hem',
  'stad',
  'torg',
  'bro',
  'sjö',
  'skog',
  'å',
  'ö',
  'ljus',
  'vård',
  'arbete',
  'ande',
  'else',
  'are',
];

function vocabulary() {
  const words = new Set();
  while (words.size < VOCABULARY - STOP_WORDS.length - MUNICIPAL.length) {
    let word = '';
    const parts = 2 + Math.floor(random() * 3);
    for (let i = 0; i < parts; i++) word += pick(SYLLABLES);
    if (word.length >= 4 && !MUNICIPAL.includes(word)) words.add(word);
  }
  const generated = [...words];
  // Ranks: stop words first, the municipal words spread over ranks 21–100, the rest after them.
  const ranked = [...STOP_WORDS];
  const municipal = [...MUNICIPAL];
  while (municipal.length > 0) {
    ranked.push(municipal.shift());
    ranked.push(generated.shift());
  }
  return [...ranked, ...generated];
}

function zipfSampler(words) {
  const weights = words.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf = [];
  let sum = 0;
  for (const w of weights) cdf.push((sum += w / total));
  return () => {
    const r = random();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

const words = vocabulary();
const sample = zipfSampler(words);
const text = (min, max) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, sample).join(' ');
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const KINDS = ['call_script', 'checklist', 'information'];

function generate() {
  const articles = [];
  const documentFrequency = new Map();
  for (let i = 0; i < ARTICLES; i++) {
    const title = capital(text(3, 7));
    const summary = capital(text(12, 30));
    const body = Array.from({ length: 3 + Math.floor(random() * 4) }, () => `${capital(text(40, 100))}.`).join('\n\n');
    const bodyWords = body.split(/\s+/).length;
    const trimmed =
      bodyWords > 600
        ? body.split(/\s+/).slice(0, 600).join(' ')
        : bodyWords < 150
          ? `${body} ${text(150 - bodyWords, 150 - bodyWords)}`
          : body;
    for (const word of new Set(`${title} ${summary} ${trimmed}`.toLowerCase().split(/[^\p{L}]+/u))) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
    articles.push({ title, summary, body: trimmed, kind: KINDS[i % 3] });
  }
  return { articles, documentFrequency };
}

function queries(count, documentFrequency) {
  // Ranks 21–100: the municipal words and the generated words between them, each in roughly 35–90 % of articles.
  const frequent = words.slice(STOP_WORDS.length, STOP_WORDS.length + 80);
  const list = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    const length = r < 0.4 ? 1 : r < 0.75 ? 2 : 3;
    const chosen = Array.from({ length }, () =>
      random() < 0.6 ? pick(frequent) : pick(words.slice(STOP_WORDS.length)),
    );
    let q = chosen.join(' ');
    if (random() < 0.33) {
      const last = chosen[chosen.length - 1];
      const keep = Math.max(2, last.length - 1 - Math.floor(random() * 3));
      q = [...chosen.slice(0, -1), last.slice(0, keep)].join(' ');
    }
    // Every word must match: the smallest document frequency bounds the matches.
    const bound = Math.min(...chosen.map((w) => documentFrequency.get(w) ?? 0));
    list.push({ q, bound });
  }
  return list;
}

async function load(databaseUrl, articles) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  const s = SCHEMA.schema;
  const ids = [];
  for (let i = 0; i < articles.length; i += 1000) {
    const batch = articles.slice(i, i + 1000);
    const { rows } = await client.query(
      `INSERT INTO "${s}".article (id, version, status, kind, title, summary, body, tags, created_at, created_by,
         updated_at, updated_by, published_version, published_at)
       SELECT gen_random_uuid(), 1, 'published', k, t, su, b, '{}', now(), 'bench', now(), 'bench', 1,
         now() - (random() * interval '700 days')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(t, su, b, k)
       RETURNING id, kind, title, summary, body, published_at`,
      [batch.map((a) => a.title), batch.map((a) => a.summary), batch.map((a) => a.body), batch.map((a) => a.kind)],
    );
    ids.push(...rows);
  }
  await client.end();
  const dataSource = createDataSource({ ...SCHEMA, url: databaseUrl, poolSize: 4, applicationName: 'bench-knowledge' });
  await dataSource.initialize();
  const search = new PostgresSearch(dataSource, SCHEMA.schema);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const row = ids[i];
      await search.index({
        id: row.id,
        version: 1,
        kind: row.kind,
        title: row.title,
        summary: row.summary,
        body: row.body,
        tags: [],
        folderId: null,
        caseTypeIds: [],
        publishedAt: row.published_at,
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  await dataSource.query(`VACUUM ANALYZE "${SCHEMA.schema}".article_search`);
  await dataSource.query(`VACUUM ANALYZE "${SCHEMA.schema}".search_term`);
  await dataSource.query(`VACUUM ANALYZE "${SCHEMA.schema}".article`);
  await dataSource.destroy();
}

async function run(pool, token, list, concurrency) {
  const latencies = new Float64Array(list.length);
  let next = 0;
  let errors = 0;
  let firstError = '';
  let empty = 0;
  const headers = { authorization: `Bearer ${token}` };
  async function worker() {
    for (let i = next++; i < list.length; i = next++) {
      const path = `/api/v1/knowledge/search?limit=10&q=${encodeURIComponent(list[i].q)}`;
      const started = performance.now();
      const response = await pool.request({ method: 'GET', path, headers });
      const body = await response.body.text();
      latencies[i] = performance.now() - started;
      if (response.statusCode !== 200) {
        errors++;
        firstError ||= `HTTP ${response.statusCode} ${body.slice(0, 200)}`;
      } else if (JSON.parse(body).items.length === 0) {
        empty++;
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    concurrency,
    total: list.length,
    errors,
    firstError,
    empty,
    throughput: list.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

const generated = generate();
const list = queries(QUERIES + WARMUP, generated.documentFrequency);
const measured = list.slice(WARMUP);
const half = measured.filter((x) => x.bound > ARTICLES / 2).length;
const over10k = measured.filter((x) => x.bound > 10_000).length;
const prefixes = measured.filter((x) => !words.includes(x.q.split(' ').at(-1))).length;

const platform = await startPlatform({ label: 'bench' });
let exitCode = 0;
try {
  const loadStarted = performance.now();
  await load(platform.databaseUrl, generated.articles);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(`loaded and indexed ${ARTICLES} articles in ${loadSeconds.toFixed(0)} s`);
  const { loginDemoUser } = await import('../../libs/local-issuer/dist/index.js');
  const token = await loginDemoUser(platform.issuerUrl, 'anna');
  const pool = new Pool(platform.gatewayUrl, { connections: Math.max(...LEVELS), pipelining: 1 });
  const warm = await run(pool, token, list.slice(0, WARMUP), 4);
  if (warm.errors > 0) throw new Error(`warm-up failed: ${warm.firstError}`);
  const results = [];
  for (const concurrency of LEVELS) {
    const before = cpuSnapshot(platform.processes);
    const result = await run(pool, token, measured, concurrency);
    result.cpuMsPerQuery = cpuMsPer(before, cpuSnapshot(platform.processes), measured.length);
    console.log(
      `c=${concurrency}: ${result.throughput.toFixed(0)} queries/s, ${result.empty} without hits, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`,
    );
    results.push(result);
  }
  await pool.close();
  const rss = Object.fromEntries(Object.entries(platform.processes).map(([name, child]) => [name, rssMiB(child.pid)]));
  const file = writeSection('knowledge', [
    '## Knowledge search through the gateway (`npm run bench:knowledge`)',
    '',
    measuredLine(machine()),
    `Data: ${ARTICLES} published articles, bodies of 150–600 words drawn Zipf-like (s = 1) from ${VOCABULARY} words`,
    'with Swedish stop words first and 40 municipal words (bygglov, avfall, parkering, hemtjänst …) among the',
    '100 most frequent; titles (3–7 words) and summaries (12–30 words) drawn the same way, so the frequent words',
    `are in most titles too. Loaded and indexed in ${loadSeconds.toFixed(0)} s (knowledge's own indexing code, 4 connections).`,
    `Queries: ${measured.length} as-you-type searches of one to three words (60 % of the words from the 80 most`,
    `frequent after the stop words), ${prefixes} of them ending in a cut-off word; every word must match, so the rarest word bounds the`,
    `matches: ${half} queries match more than half of the articles and ${over10k} more than 10,000.`,
    'Path: HTTP GET /api/v1/knowledge/search?q=…&limit=10 with an RS256 bearer token → gateway → NATS request →',
    'knowledge → PostgreSQL (expansion: synonyms and spelling; then the bounded candidate pool, ranking and',
    `highlighted snippets of the 10 returned) → back. ${WARMUP} warm-up queries first.`,
    '',
    '| concurrency | queries | queries/s | p50 ms | p95 ms | p99 ms | max ms | errors |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.concurrency} | ${r.total} | ${r.throughput.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.errors} |`,
    ),
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
    'Target (issue 7): p95 under 30 ms through the gateway. For comparison (issue 7): a plain `ts_rank` +',
    '`ts_headline` over every match took about 10 ms at the median, 66 ms at p95 and 150 ms at worst on such data.',
  ]);
  console.log(`written to ${file}`);
  if (results.some((r) => r.errors > 0)) exitCode = 1;
} catch (error) {
  console.error(error);
  console.error(platform.output().slice(-3000));
  exitCode = 1;
} finally {
  await platform.stop();
}
process.exit(exitCode);
