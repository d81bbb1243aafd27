// Starts the local issuer and every service as its own process, seeds demo data through the API,
// prints the URLs and stops everything on Ctrl-C. Run through `npm run up` (which builds first).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const DATABASE = process.env.ARENDE_DATABASE ?? 'arende';
const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE_URL = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const ISSUER_PORT = Number(process.env.ISSUER_PORT ?? 8090);
const GATEWAY_PORT = Number(process.env.PORT ?? 8080);
const CASE_CORE_OPS_PORT = Number(process.env.CASE_CORE_OPS_PORT ?? 8101);
const INTAKE_OPS_PORT = Number(process.env.INTAKE_OPS_PORT ?? 8103);
const KNOWLEDGE_OPS_PORT = Number(process.env.KNOWLEDGE_OPS_PORT ?? 8104);
const ROUTING_OPS_PORT = Number(process.env.ROUTING_OPS_PORT ?? 8105);
const NOTIFICATIONS_OPS_PORT = Number(process.env.NOTIFICATIONS_OPS_PORT ?? 8106);
const SLA_WATCHER_OPS_PORT = Number(process.env.SLA_WATCHER_OPS_PORT ?? 8107);
const SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
// The SMTP sink keeps the platform's outbound mail (it stands in for the city's relay) and shows it over HTTP.
const SINK_SMTP_PORT = Number(process.env.SMTP_SINK_SMTP_PORT ?? 2526);
const SINK_HTTP_PORT = Number(process.env.SMTP_SINK_HTTP_PORT ?? 8111);
const INTAKE_ADDRESS = process.env.INTAKE_ADDRESSES ?? 'kundtjanst@kommun.example';
const WEBHOOK_PORT = Number(process.env.WEBHOOK_PORT ?? 8110);
// Demo secrets for the webhook channels, so SMS, Facebook and telephony can be tried locally.
const DEMO_CHANNELS = {
  SMS_46ELKS_USER: 'demo',
  SMS_46ELKS_PASSWORD: 'demo-46elks-password',
  FACEBOOK_APP_SECRET: 'demo-facebook-app-secret',
  FACEBOOK_VERIFY_TOKEN: 'demo-verify',
  TELEPHONY_TOKEN: 'demo-telephony-token',
};
const ISSUER_URL = `http://127.0.0.1:${ISSUER_PORT}`;
const GATEWAY_URL = `http://127.0.0.1:${GATEWAY_PORT}`;

const colours = {
  issuer: 35,
  'case-core': 36,
  gateway: 33,
  intake: 32,
  knowledge: 34,
  routing: 31,
  'smtp-sink': 90,
  notifications: 95,
  'sla-watcher': 91,
};
const children = new Map();
let stopping = false;

function log(message) {
  process.stdout.write(`\x1b[1mup\x1b[0m  ${message}\n`);
}

async function ensureDatabase() {
  const client = new pg.Client(PG_ADMIN_URL);
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE "${DATABASE.replaceAll('"', '""')}"`);
    log(`created database ${DATABASE}`);
  }
  await client.end();
}

function start(name, script, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    cwd: root,
    env: { ...process.env, LOG_PRETTY: process.env.LOG_PRETTY ?? '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `\x1b[${colours[name] ?? 37}m${name.padEnd(11)}\x1b[0m`;
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${tag} ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping the rest`);
      void stopAll(1);
    }
  });
  children.set(name, child);
}

async function waitFor(name, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become ready at ${url} (${last})`);
}

async function seed() {
  const { loginDemoUser } = await import('../libs/local-issuer/dist/index.js');
  const { DEMO_CASES, seedRoutingDemo } = await import('../libs/demo-data/dist/index.js');
  // Routing first: the demo cases and templates name its inboxes and reference data.
  const routing = await seedRoutingDemo({
    gatewayUrl: GATEWAY_URL,
    adminToken: await loginDemoUser(ISSUER_URL, 'david'),
  });
  log(`routing: seeded ${routing.created} reference items, inboxes and templates (${routing.present} were there)`);
  const token = await loginDemoUser(ISSUER_URL, 'anna');
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const existing = await fetch(`${GATEWAY_URL}/api/v1/inboxes/kundtjanst/cases?limit=1&status=new,open,closed`, {
    headers,
  });
  if (!existing.ok) throw new Error(`inbox listing failed: HTTP ${existing.status} ${await existing.text()}`);
  if ((await existing.json()).items.length > 0) {
    log('demo data is there already');
    await seedKnowledge(loginDemoUser);
    await seedDirectory(loginDemoUser);
    return;
  }
  for (const demo of DEMO_CASES) {
    const response = await fetch(`${GATEWAY_URL}/api/v1/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify(demo),
    });
    if (response.status !== 201)
      throw new Error(`seeding "${demo.title}" failed: HTTP ${response.status} ${await response.text()}`);
  }
  log(`seeded ${DEMO_CASES.length} demo cases`);
  await seedKnowledge(loginDemoUser);
  await seedDirectory(loginDemoUser);
}

/** The demo knowledge base, written and published by the editor cecilia (supervisor). */
async function seedKnowledge(loginDemoUser) {
  const { DEMO_ARTICLES, DEMO_SYNONYMS } = await import('../libs/demo-data/dist/index.js');
  const token = await loginDemoUser(ISSUER_URL, 'cecilia');
  const call = async (method, path, body) => {
    const response = await fetch(`${GATEWAY_URL}/api/v1/knowledge${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const first = DEMO_ARTICLES[0];
  const present = await call('GET', `/case-types/${first.caseTypeIds[0]}/articles?includeDrafts=true`);
  if (present.items.some((item) => item.title === first.article.title)) return;
  for (const { article, caseTypeIds } of DEMO_ARTICLES) {
    const draft = await call('POST', '/articles', article);
    for (const id of caseTypeIds) await call('PUT', `/articles/${draft.id}/links/case_type/${id}`);
    await call('POST', `/articles/${draft.id}/publish`, { version: draft.version });
  }
  for (const terms of DEMO_SYNONYMS) await call('POST', '/synonyms', { terms });
  log(`seeded ${DEMO_ARTICLES.length} knowledge articles and ${DEMO_SYNONYMS.length} synonym groups`);
}

/**
 * The demo staff directory. Its org units (the catalogue's departments and their units) are saved over NATS as an
 * administrator, since the gateway has no reference-data routes here; one already there is left as it is.
 */
async function seedDirectory(loginDemoUser) {
  const { DIRECTORY_ORG_UNITS, seedDirectoryDemo } = await import('../libs/demo-data/dist/index.js');
  const { connectMessaging, RpcClient } = await import('../libs/messaging/dist/index.js');
  const { saveReferenceV1 } = await import('../libs/contracts/dist/index.js');
  const { nc, names } = await connectMessaging({ servers: NATS_URL, name: 'up-seed', prefix: '', streams: [] });
  try {
    const rpc = new RpcClient({ nc, names });
    const ctx = {
      actor: { kind: 'staff', id: 'david', name: 'Demo seed', roles: ['admin'], groups: [] },
      correlationId: `up-seed-${Date.now()}`,
    };
    for (const unit of DIRECTORY_ORG_UNITS) {
      await rpc.request(saveReferenceV1, unit, ctx).catch((error) => {
        if (error.code !== 'ROUTING.VERSION_CONFLICT') throw error;
      });
    }
  } finally {
    await nc.drain();
  }
  const adminToken = await loginDemoUser(ISSUER_URL, 'david');
  const { created, present } = await seedDirectoryDemo({ gatewayUrl: GATEWAY_URL, adminToken });
  log(`staff directory: ${created} people seeded, ${present} there already`);
}

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  const exits = [...children.values()].map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  );
  await Promise.all(exits);
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  await ensureDatabase();
  start('issuer', 'libs/local-issuer/dist/main.js', {
    ISSUER_PORT: String(ISSUER_PORT),
    ISSUER_KEY_FILE: '.run/issuer-key.json',
    // The web client the gateway serves signs in with its own origin's callback (any PORT).
    ISSUER_REDIRECT_URIS: `${GATEWAY_URL}/auth/callback`,
  });
  await waitFor('issuer', `${ISSUER_URL}/.well-known/openid-configuration`);
  start('smtp-sink', 'libs/smtp-sink/dist/main.js', {
    SMTP_SINK_SMTP_PORT: String(SINK_SMTP_PORT),
    SMTP_SINK_HTTP_PORT: String(SINK_HTTP_PORT),
  });
  await waitFor('smtp-sink', `http://127.0.0.1:${SINK_HTTP_PORT}/health`);
  start('case-core', 'services/case-core/dist/main.js', {
    DATABASE_URL,
    NATS_URL,
    OPS_PORT: String(CASE_CORE_OPS_PORT),
  });
  await waitFor('case-core', `http://127.0.0.1:${CASE_CORE_OPS_PORT}/health/ready`);
  start('knowledge', 'services/knowledge/dist/main.js', {
    DATABASE_URL,
    NATS_URL,
    OPS_PORT: String(KNOWLEDGE_OPS_PORT),
  });
  await waitFor('knowledge', `http://127.0.0.1:${KNOWLEDGE_OPS_PORT}/health/ready`);
  start('routing', 'services/routing/dist/main.js', { DATABASE_URL, NATS_URL, OPS_PORT: String(ROUTING_OPS_PORT) });
  await waitFor('routing', `http://127.0.0.1:${ROUTING_OPS_PORT}/health/ready`);
  start('sla-watcher', 'services/sla-watcher/dist/main.js', {
    DATABASE_URL,
    NATS_URL,
    OPS_PORT: String(SLA_WATCHER_OPS_PORT),
    // Not the intake address: a reminder mailed there would come back as a case.
    CUSTOMER_SERVICE_INBOX_ID: process.env.CUSTOMER_SERVICE_INBOX_ID ?? 'kundtjanst',
  });
  await waitFor('sla-watcher', `http://127.0.0.1:${SLA_WATCHER_OPS_PORT}/health/ready`);
  start('gateway', 'services/gateway/dist/main.js', { NATS_URL, ISSUER_URL, PORT: String(GATEWAY_PORT) });
  await waitFor('gateway', `${GATEWAY_URL}/health/ready`);
  start('intake', 'services/intake/dist/main.js', {
    DATABASE_URL,
    NATS_URL,
    OPS_PORT: String(INTAKE_OPS_PORT),
    SMTP_PORT: String(SMTP_PORT),
    INTAKE_ADDRESSES: INTAKE_ADDRESS,
    BLOB_DIR: '.run/blobs',
    WEBHOOK_PORT: String(WEBHOOK_PORT),
    ...DEMO_CHANNELS,
  });
  await waitFor('intake', `http://127.0.0.1:${INTAKE_OPS_PORT}/health/ready`);
  start('notifications', 'services/notifications/dist/main.js', {
    DATABASE_URL,
    NATS_URL,
    OPS_PORT: String(NOTIFICATIONS_OPS_PORT),
    SMTP_URL: `smtp://127.0.0.1:${SINK_SMTP_PORT}`,
    MAIL_REPLY_TO: INTAKE_ADDRESS,
    ALARM_EMAIL: process.env.ALARM_EMAIL ?? 'jour@kommun.example',
    // Intake's blob store: distribution and referral mails carry the attachments it kept.
    BLOB_DIR: '.run/blobs',
  });
  await waitFor('notifications', `http://127.0.0.1:${NOTIFICATIONS_OPS_PORT}/health/ready`);
  await seed();
  log('');
  log('Ärende is running:');
  log(`  web client      ${GATEWAY_URL}/   (sign in as anna, password "demo")`);
  log(`  API             ${GATEWAY_URL}/api/v1`);
  log(`  API docs        ${GATEWAY_URL}/api/docs   (OpenAPI JSON: ${GATEWAY_URL}/api/openapi.json)`);
  log(`  OpenID issuer   ${ISSUER_URL}            (stands in for Keycloak)`);
  log(
    `  health/metrics  ${GATEWAY_URL}/health/ready, ${GATEWAY_URL}/metrics, http://127.0.0.1:${CASE_CORE_OPS_PORT}/metrics`,
  );
  log(
    `  e-mail in       smtp://127.0.0.1:${SMTP_PORT}  (to ${INTAKE_ADDRESS}; e.g. swaks --server 127.0.0.1:${SMTP_PORT} --to ${INTAKE_ADDRESS})`,
  );
  log(
    `  SMS in          curl -u demo:${DEMO_CHANNELS.SMS_46ELKS_PASSWORD} -d id=1 -d from=+46701234567 -d to=+46766861004 -d message=Hej http://127.0.0.1:${WEBHOOK_PORT}/webhooks/sms/46elks`,
  );
  log(`  e-mail out      http://127.0.0.1:${SINK_HTTP_PORT}/   (the SMTP sink; JSON: /messages?to=<address>)`);
  log(`  web forms       POST http://127.0.0.1:${WEBHOOK_PORT}/forms/<formId>   (see services/intake/README.md)`);
  log('  a token:        npm run -s token -- anna      (demo users: see libs/local-issuer/README.md; password "demo")');
  log(
    `  try:            curl -H "Authorization: Bearer $(npm run -s token -- anna)" ${GATEWAY_URL}/api/v1/inboxes/kundtjanst/cases`,
  );
  log(
    `                  curl -H "Authorization: Bearer $(npm run -s token -- anna)" "${GATEWAY_URL}/api/v1/templates/search?q=sn%C3%B6r%C3%B6j"`,
    `  staff directory curl -H "Authorization: Bearer $(npm run -s token -- anna)" "${GATEWAY_URL}/api/v1/directory?q=bygg"`,
  );
  log('Ctrl-C stops everything.');
} catch (error) {
  if (!stopping) {
    log(`failed: ${error.message}`);
    await stopAll(1);
  }
}
