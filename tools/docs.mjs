// Writes the generated parts of the docs from the code: the subject catalogue (docs/subjects.md), the
// "Subjects" section of each service README, and the configuration tables in docs/operations.md.
// `node tools/docs.mjs --check` fails if any of them is out of date (npm test runs it). Needs a build.
import fs from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const { CATALOGUE } = await import('../libs/contracts/dist/index.js');
const { configTable } = await import('../libs/config/dist/index.js');

// Which service owns the messages of an owner prefix.
const SERVICE_OF_OWNER = {
  case: 'case-core',
  intake: 'intake',
  routing: 'routing',
  knowledge: 'knowledge',
  notifications: 'notifications',
  sla: 'sla-watcher',
  reporting: 'reporting',
};

const stale = [];
async function write(file, raw) {
  const full = path.join(root, file);
  const options = (await prettier.resolveConfig(full)) ?? {};
  const text = await prettier.format(raw, { ...options, filepath: full });
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
  if (current === text) return;
  if (check) stale.push(file);
  else fs.writeFileSync(full, text);
}

function replaceSection(text, name, body) {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const block = `${start}\n<!-- written by tools/docs.mjs; do not edit by hand -->\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  return pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}\n`;
}

const firstLine = (text) => text.replace(/\s+/g, ' ').trim();
const rows = (messages) =>
  messages.map((m) => `| \`${m.subject}\` | ${firstLine(m.description)} |`).join('\n') || '| — | |';

// docs/subjects.md
const events = CATALOGUE.filter((m) => m.kind === 'event');
const rpcs = CATALOGUE.filter((m) => m.kind === 'rpc');
await write(
  'docs/subjects.md',
  [
    '# Subject catalogue',
    '',
    '<!-- written by tools/docs.mjs from libs/contracts; do not edit by hand -->',
    'Every NATS subject of the platform, from `CATALOGUE` in `libs/contracts`. Events (`<owner>.evt.<name>.v<N>`)',
    "go to the owner's JetStream stream in the envelope described in docs/messaging.md; requests",
    '(`<owner>.rpc.<action>.v<N>`) are core NATS request/reply with `{ actor, correlationId, data }` and a',
    '`{ ok, data | error }` reply. Payload schemas are the zod schemas in `libs/contracts/src/<owner>/`.',
    '',
    '## Events',
    '',
    '| subject | what it says |',
    '| --- | --- |',
    rows(events),
    '',
    '## Requests',
    '',
    '| subject | what it does |',
    '| --- | --- |',
    rows(rpcs),
    '',
  ].join('\n'),
);

// Service READMEs and config tables.
let operations = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
for (const service of fs.readdirSync(path.join(root, 'services')).sort()) {
  const readme = path.join('services', service, 'README.md');
  const owners = Object.entries(SERVICE_OF_OWNER)
    .filter(([, s]) => s === service)
    .map(([owner]) => owner);
  const serves = rpcs.filter((m) => owners.includes(m.owner));
  const publishes = events.filter((m) => owners.includes(m.owner));
  let text = fs.readFileSync(path.join(root, readme), 'utf8');
  if (serves.length + publishes.length > 0) {
    text = replaceSection(
      text,
      'subjects',
      [
        '## Subjects',
        '',
        'Requests it answers (queue group `' + service + '`):',
        '',
        '| subject | what it does |',
        '| --- | --- |',
        rows(serves),
        '',
        'Events it publishes through its outbox:',
        '',
        '| subject | what it says |',
        '| --- | --- |',
        rows(publishes),
      ].join('\n'),
    );
  }
  const configFile = path.join(root, 'services', service, 'dist', 'config.js');
  if (fs.existsSync(configFile)) {
    const module = await import(configFile);
    const definition = Object.values(module).find((v) => v && typeof v === 'object' && !Array.isArray(v));
    const table = `### ${service}\n\n${configTable(definition)}`;
    text = replaceSection(text, 'config', `## Configuration\n\n${configTable(definition)}`);
    operations = replaceSection(operations, `config-${service}`, table);
  }
  await write(readme, text);
}
await write('docs/operations.md', operations);

if (check && stale.length > 0) {
  console.error(`Generated docs are out of date: ${stale.join(', ')}. Run: node tools/docs.mjs`);
  process.exit(1);
}
console.log(check ? 'docs: generated parts are current' : 'docs: written');
