// `npm run bench:routing`: what rule matching adds per message with 500 templates; writes percentiles to
// docs/benchmarks.md.
// Templates: 500, each with one to three rules shaped like a city's: keywords (single words, phrases and
// prefixes of municipal words such as `snöröjni*`) on the subject or body drawn from Swedish municipal words and generated
// compounds, a quarter with a regular expression (on the body, sender or recipients), some with two conditions
// (channel and subject). Messages: subjects of 3–10 words and bodies of 40–400 words from the same vocabulary
// and Swedish stop words, with senders and recipients; about half match nothing, and for those every rule of
// every template is tried. Matching runs in process on routing's own compiled rules (services/routing/dist), the code
// routing.rpc.match.v1 runs; then the same messages are sent as routing.rpc.match.v1 requests to routing
// started on its own database and NATS prefix, to show the round trip a caller sees.
import { TemplateFieldsSchema, matchTemplateV1 } from '../../libs/contracts/dist/index.js';
import { loadConfig } from '../../libs/config/dist/index.js';
import { RpcClient, ensureStreams, outboxTablesSql } from '../../libs/messaging/dist/index.js';
import { createLogger, createMetrics } from '../../libs/observability/dist/index.js';
import { createTestContext, factory } from '../../libs/testing/dist/index.js';
import { startRouting } from '../../services/routing/dist/boot.js';
import { routingConfig } from '../../services/routing/dist/config.js';
import { CompiledRules } from '../../services/routing/dist/matching/rules.js';
import { TemplateRepository } from '../../services/routing/dist/repositories/template.repository.js';
import { SCHEMA } from '../../services/routing/dist/schema.js';
import { machine, measuredLine, percentile, writeSection } from './lib.mjs';

const TEMPLATES = Number(process.env.BENCH_TEMPLATES ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const RPC_MESSAGES = Number(process.env.BENCH_RPC_MESSAGES ?? 5_000);

// Deterministic, so runs compare.
let seed = 20261123;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const STOP_WORDS = ['och', 'att', 'det', 'som', 'en', 'på', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'om'];
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
  'faktura',
  'vatten',
  'avlopp',
  'gata',
  'cykelbana',
  'belysning',
  'gatlykta',
  'lekplats',
  'återvinning',
  'sophämtning',
  'färdtjänst',
  'bostadsanpassning',
  'ekonomiskt',
  'bistånd',
  'simhall',
  'bibliotek',
  'trafik',
  'buller',
  'klotter',
  'träd',
  'park',
  'halka',
  'sandning',
  'plogning',
  'vattenläcka',
  'översvämning',
  'elevhälsa',
  'skolskjuts',
  'matsäck',
  'detaljplan',
  'strandskydd',
  'nybyggnadskarta',
  'servering',
  'alkohol',
  'livsmedel',
  'tobak',
  'brandskydd',
  'sotning',
  'hyra',
  'lokal',
  'idrottshall',
];
const SYLLABLES = [
  'bygg',
  'park',
  'vatten',
  'skol',
  'gat',
  'snö',
  'sop',
  'trafik',
  'hem',
  'fritid',
  'miljö',
  'lov',
  'tjänst',
  'plats',
  'ning',
  'avgift',
  'ansök',
  'hall',
  'väg',
  'ljus',
  'hus',
  'tomt',
  'kärl',
  'led',
  'bro',
];
// Generated words, most of them compounds of the syllables (as Swedish builds them). Messages draw from one
// half and the templates' keywords from the other, with the municipal words shared, so that a fair share of
// messages match nothing and try every rule.
const COMPOUNDS = [
  ...new Set(Array.from({ length: 8000 }, () => Array.from({ length: between(2, 3) }, () => pick(SYLLABLES)).join(''))),
].filter((w) => !MUNICIPAL.includes(w));
// Keyword prefixes are cut from the longer municipal words (snöröjni*); no message word begins with one unless meant to.
const PREFIXES = MUNICIPAL.filter((w) => w.length >= 9).map((w) => w.slice(0, -2));
const MESSAGE_WORDS = COMPOUNDS.filter((w, i) => i % 2 === 0 && !PREFIXES.some((p) => w.startsWith(p)));
const RULE_WORDS = [...COMPOUNDS.filter((_, i) => i % 2 === 1), ...MUNICIPAL];
const word = (municipal) =>
  random() < 0.35 ? pick(STOP_WORDS) : random() < municipal ? pick(MUNICIPAL) : pick(MESSAGE_WORDS);
const words = (low, high, municipal) => Array.from({ length: between(low, high) }, () => word(municipal)).join(' ');

const REGEXES = [
  'inte\\s+(plogat|sandat|tömd|hämtad)',
  'ärende(nummer)?\\s*:?\\s*[0-9]{4}-[0-9]{6}',
  '(faktura|OCR)[- ]?(nr|nummer)?\\s*[0-9]{6,}',
  '(läcker|läckage|översvämm)',
  '[0-9]{6}[-+]?[0-9]{4}',
  '(gatlykta|belysning)\\s+(är\\s+)?(släckt|trasig)',
];
const SENDERS = ['^(no-?reply|noreply|nyhetsbrev|newsletter)@', '@(leverantor|entreprenad)\\.se$', 'mailer-daemon@'];

function keywordList() {
  return Array.from({ length: between(2, 8) }, () => {
    const kind = random();
    if (kind < 0.2) return `${pick(PREFIXES)}*`;
    if (kind < 0.35) return `${pick(MUNICIPAL)} ${pick(RULE_WORDS)}`;
    return pick(RULE_WORDS);
  });
}

function rule(i) {
  const kind = random();
  if (kind < 0.1) return { conditions: [{ field: 'from', match: 'regex', pattern: pick(SENDERS) }] };
  if (kind < 0.2) {
    return { conditions: [{ field: 'body', match: 'regex', pattern: `${pick(REGEXES)}|mall${i}x` }] };
  }
  if (kind < 0.25) return { conditions: [{ field: 'to', match: 'regex', pattern: `^mall${i}@solna\\.se$` }] };
  if (kind < 0.35) {
    return {
      conditions: [
        { field: 'channel', match: 'keywords', keywords: [pick(['email', 'sms', 'web_form'])] },
        { field: 'subject', match: 'keywords', keywords: keywordList() },
      ],
    };
  }
  return { conditions: [{ field: random() < 0.5 ? 'subject' : 'body', match: 'keywords', keywords: keywordList() }] };
}

const templates = Array.from({ length: TEMPLATES }, (_, i) => ({
  ...TemplateFieldsSchema.parse({
    title: `Mall ${i}`,
    position: i,
    rules: Array.from({ length: between(1, 3) }, () => rule(i)),
    alarm: { enabled: random() < 0.05, keywords: ['hot', 'självmord', 'vattenläcka'] },
  }),
  id: `mall-${i}`,
  version: 1,
  updatedAt: new Date().toISOString(),
}));
const conditions = templates.flatMap((t) => t.rules.flatMap((r) => r.conditions));
const regexCount = conditions.filter((c) => c.match === 'regex').length;
const keywordCount = conditions.filter((c) => c.match === 'keywords').reduce((n, c) => n + c.keywords.length, 0);

const compileStarted = performance.now();
const rules = new CompiledRules(templates);
const compileMs = performance.now() - compileStarted;
if (rules.broken.length > 0) throw new Error(`Rules did not compile: ${JSON.stringify(rules.broken[0])}`);

// Two in five messages are about something no template knows, from an ordinary sender.
const message = () => {
  const known = random() < 0.6;
  return {
    channel: pick(['email', 'email', 'email', 'web_form', 'sms']),
    subject: words(3, 10, known ? 0.1 : 0),
    body: words(40, 400, known ? 0.01 : 0),
    from: known
      ? `${pick(['anna', 'erik', 'noreply', 'kalle.svensson', 'info'])}@${pick(['example.se', 'gmail.com', 'leverantor.se'])}`
      : `${pick(['anna', 'erik', 'kalle.svensson'])}@${pick(['example.se', 'gmail.com'])}`,
    to: [pick(['kundtjanst@solna.se', 'bygglov@solna.se', 'info@solna.se'])],
  };
};
const messages = Array.from({ length: WARMUP + MESSAGES }, message);

const all = [];
const unmatched = [];
let matched = 0;
let bodyChars = 0;
for (const [i, m] of messages.entries()) {
  const started = performance.now();
  const outcome = rules.match(m);
  const ms = performance.now() - started;
  if (i < WARMUP) continue;
  all.push(ms);
  bodyChars += m.body.length;
  if (outcome.template) matched++;
  else unmatched.push(ms);
}
all.sort((a, b) => a - b);
unmatched.sort((a, b) => a - b);
const row = (label, list) =>
  `| ${label} | ${list.length} | ${percentile(list, 50).toFixed(3)} | ${percentile(list, 95).toFixed(3)} | ${percentile(list, 99).toFixed(3)} | ${list[list.length - 1].toFixed(3)} |`;

// The same templates in routing's tables, and the first messages as requests over NATS, one at a time.
const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
await ensureStreams(ctx.jsm, ctx.names, ['routing']);
const repository = new TemplateRepository(ctx.dataSource, SCHEMA.schema);
await ctx.dataSource.transaction(async (manager) => {
  for (const template of templates) await repository.save(manager, template, 'bench');
});
const app = await startRouting({
  config: loadConfig(routingConfig, { NATS_PREFIX: ctx.prefix }),
  dataSource: ctx.dataSource,
  nc: ctx.nc,
  js: ctx.js,
  names: ctx.names,
  logger: createLogger({ service: 'routing', level: 'silent' }),
  metrics: createMetrics('routing'),
});
const rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
const request = { actor: factory.actor(), correlationId: factory.correlationId() };
const roundTrips = [];
let sameAnswer = 0;
try {
  for (const [i, m] of messages.slice(0, WARMUP + RPC_MESSAGES).entries()) {
    const started = performance.now();
    const answer = await rpc.request(matchTemplateV1, m, request);
    const ms = performance.now() - started;
    if (i < WARMUP) continue;
    roundTrips.push(ms);
    if ((answer.template?.id ?? null) === (rules.match(m).template?.id ?? null)) sameAnswer++;
  }
} finally {
  await app.close();
  await ctx.close();
}
if (sameAnswer !== roundTrips.length)
  throw new Error(`routing answered ${roundTrips.length - sameAnswer} messages differently`);
roundTrips.sort((a, b) => a - b);

const file = writeSection('routing', [
  '## Routing: rule matching (`npm run bench:routing`)',
  '',
  measuredLine(machine()),
  '',
  `Templates: ${TEMPLATES} with ${templates.reduce((n, t) => n + t.rules.length, 0)} rules, ${conditions.length} conditions:`,
  `${keywordCount} keywords (a fifth of them prefixes of municipal words such as \`snöröjni*\`, some phrases) and ${regexCount} regular`,
  'expressions on the body, sender and recipients (RE2). Compiling them all took',
  `${compileMs.toFixed(1)} ms (once, and again after a template changes).`,
  `Messages: ${MESSAGES} (after ${WARMUP} warm-up), subjects of 3–10 words and bodies of 40–400 words (mean`,
  `${Math.round(bodyChars / MESSAGES)} characters) from Swedish municipal words, generated compounds and stop words;`,
  `${matched} matched a template, the other ${unmatched.length} tried every rule of every template.`,
  'Path: in process, `CompiledRules.match` (what `routing.rpc.match.v1` runs), one message at a time.',
  '',
  '| messages | count | p50 ms | p95 ms | p99 ms | max ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  row('all', all),
  row('matching none', unmatched),
  '',
  `Through NATS: the first ${RPC_MESSAGES} messages (after ${WARMUP} warm-up) as \`routing.rpc.match.v1\` requests to`,
  'routing on its own database (the 500 templates in its tables), one at a time, from request to parsed answer:',
  '',
  '| messages | count | p50 ms | p95 ms | p99 ms | max ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  row('round trip', roundTrips),
  '',
  'Target (issue 6): matching with 500 templates adds under 2 ms per message.',
]);
console.log(`written to ${file}`);
console.log(
  `p50 ${percentile(all, 50).toFixed(3)} p95 ${percentile(all, 95).toFixed(3)} p99 ${percentile(all, 99).toFixed(3)} ms in process, round trip p95 ${percentile(roundTrips, 95).toFixed(3)} ms; compile ${compileMs.toFixed(1)} ms; matched ${matched}`,
);
