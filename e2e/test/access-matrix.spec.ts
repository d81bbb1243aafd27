import { createPrivateKey, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type CaseView, saveReferenceV1 } from '@arende/contracts';
import { DEMO_USERS, type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { MessagingNames, RpcClient } from '@arende/messaging';
import { connect } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// Every route × every caller against docs/access-matrix.md, which this test reads: the document is the expectation.
const MATRIX_FILE = path.resolve(import.meta.dirname, '..', '..', 'docs', 'access-matrix.md');

interface Matrix {
  callers: string[];
  /** `METHOD /path/{param}` -> caller -> allowed status classes (`2xx`, `401`, …). */
  rows: Map<string, Map<string, string[]>>;
}

/** Reads the table whose first header cell is `route`; a caller is the first word of its column header. */
function readMatrix(markdown: string): Matrix {
  const lines = markdown.split('\n').map((line) => line.trim());
  const header = lines.findIndex((line) => /^\|\s*route\s*\|/.test(line));
  if (header < 0) throw new Error(`${MATRIX_FILE}: no table with a "route" column`);
  const split = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  const callers = split(lines[header])
    .slice(1)
    .map((cell) => cell.replace(/\s*\(.*\)$/, ''));
  const rows = new Map<string, Map<string, string[]>>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [route, ...cells] = split(line);
    if (cells.length !== callers.length) throw new Error(`${MATRIX_FILE}: row ${route} has ${cells.length} cells`);
    rows.set(
      route.replace(/`/g, ''),
      new Map(callers.map((caller, i) => [caller, cells[i].split(/\s+or\s+/).map((c) => c.trim())])),
    );
  }
  return { callers, rows };
}

function statusClass(status: number): string {
  return status >= 200 && status < 300 ? '2xx' : String(status);
}

const matrix = readMatrix(fs.readFileSync(MATRIX_FILE, 'utf8'));
const USERS = ['anna', 'cecilia', 'david', 'elin', 'rut', 'fredrik', 'sara'];
const CASE_WORKERS = new Set(['anna', 'cecilia', 'david', 'elin']);
const INBOX = 'kundtjanst';
/** Demo inboxes (libs/demo-data) that distribution sends the example case to. */
const WORK_GROUP = 'aldreomsorg';
const SPECIALISTS = 'stadsbyggnad';
/** The service point of the example case: the one the demo supervisor and admin oversee. */
const SERVICE_POINT = 'kundtjanst';

/** What the example requests act on: a case in inbox and service point `kundtjanst` with a customer, an entry, a child and a spare case. */
interface Fixture {
  number: string;
  version: number;
  customerId: string;
  customerVersion: number;
  entryId: string;
  childNumber: string;
  spareNumber: string;
  /** Knowledge routes only: a published article by the editor cecilia, anna's open proposal on it, a folder, a synonym group. */
  knowledge?: KnowledgeFixture;
  /** Directory routes only: a person of the staff directory, added by the admin david. */
  directory?: { staffId: string; staffVersion: number };
  /** Routing writes only: an inbox, a template and an area of their own, made by the admin david. */
  routing?: RoutingFixture;
  /** Watch deletion only: the caller's own watch on the case, set just before. */
  watchId?: string;
  /** Calendar changes only: a calendar david has just created. */
  calendarId?: string;
}

/** The department and unit of the directory's example people, made over NATS in beforeAll. */
const DIRECTORY_PERSON = { name: 'Matris Matrisson', departmentId: 'matris-forvaltning', unitId: 'matris-enhet' };

interface RoutingFixture {
  inboxId: string;
  inboxVersion: number;
  templateId: string;
  templateVersion: number;
  referenceId: string;
  referenceVersion: number;
}

/** Routes whose writes act on routing's data: they get a routing fixture of their own. */
const ROUTING_ROUTES = /^\/api\/v1\/(inboxes(\/\{inboxId\})?|templates.*|reference-data\/.*)$/;
/** A seeded template (libs/demo-data) that reads act on. */
const TEMPLATE = 'snorojning-utebliven';
const MATRIX_INBOX = { name: 'Matris: inkorg', kind: 'work_group', group: '/inbox/matris' };

/** The calendar reads act on (made by david just before); creates and changes use calendars of their own. */
const MATRIX_CALENDAR = 'matris';
const MATRIX_CALENDAR_BODY = {
  name: 'Matris: kalender',
  definition: { weeklyHours: { monday: [{ from: '08:00', to: '17:00' }] } },
};
let calendarCount = 0;
const createCalendar = (api: Api, id: string) =>
  api.call<{ id: string }>('POST', '/api/v1/calendars', { as: 'david', body: { id, ...MATRIX_CALENDAR_BODY } });

interface KnowledgeFixture {
  articleId: string;
  articleVersion: number;
  proposalId: string;
  folderId: string;
  synonymId: string;
  webSourceId: string;
}

/** Synonym words must be unique across groups: every call gets words of its own. */
let synonymCount = 0;
const newSynonyms = () => {
  synonymCount++;
  return { terms: [`matris${synonymCount}a`, `matris${synonymCount}b`] };
};

interface Example {
  body?: unknown;
  query?: string;
  /** Runs first as a case-worker caller (e.g. takes the lock the route then releases). */
  before?: (api: Api, fixture: Fixture, as: string) => Promise<unknown>;
}

/** Example bodies per route; routes without an entry are called without a body. */
const EXAMPLES: Record<string, (f: Fixture) => Example> = {
  'POST /api/v1/cases': () => ({ body: { title: 'Matris: fråga om sophämtning', channel: 'phone', inboxId: INBOX } }),
  'PATCH /api/v1/cases/{number}': (f) => ({ body: { version: f.version, changes: { priority: 'urgent' } } }),
  'POST /api/v1/cases/{number}/status': (f) => ({ body: { version: f.version, to: 'open' } }),
  'POST /api/v1/cases/{number}/customer-contacted': () => ({ body: { note: 'Matris: ringde kunden.' } }),
  'PUT /api/v1/cases/{number}/assignee': (f) => ({
    body: { version: f.version, assigneeId: 'anna', assigneeName: 'Anna Lindqvist' },
  }),
  'POST /api/v1/cases/{number}/messages': () => ({
    body: { to: 'kund@example.se', text: 'Matris: hej, vi har tagit emot ditt ärende.' },
  }),
  'POST /api/v1/cases/distribute': (f) => ({
    body: { cases: [{ number: f.number, version: f.version }], kind: 'work_group', inboxId: WORK_GROUP },
  }),
  'POST /api/v1/cases/{number}/distribute': (f) => ({
    body: { version: f.version, kind: 'work_group', inboxId: WORK_GROUP, note: 'Matris: fördelning' },
  }),
  // david sends the case to the specialists first (one new version); elin serves that inbox.
  'POST /api/v1/cases/{number}/return-feedback': (f) => ({
    body: { version: f.version + 1, note: 'Matris: återkoppling' },
    before: (api, fixture) =>
      api.call('POST', `/api/v1/cases/${fixture.number}/distribute`, {
        as: 'david',
        body: { version: fixture.version, kind: 'specialist_group', inboxId: SPECIALISTS, requiresFeedback: true },
      }),
  }),
  // david makes the caller the handling officer first (one new version).
  'POST /api/v1/cases/{number}/move': (f) => ({
    body: { version: f.version + 1, inboxId: WORK_GROUP },
    before: (api, fixture, as) =>
      api.call('PUT', `/api/v1/cases/${fixture.number}/assignee`, {
        as: 'david',
        body: { version: fixture.version, assigneeId: DEMO_USERS.find((u) => u.username === as)?.subject },
      }),
  }),
  'DELETE /api/v1/cases/{number}/lock': () => ({
    before: (api, fixture, as) => api.call('POST', `/api/v1/cases/${fixture.number}/lock`, { as }),
  }),
  'POST /api/v1/cases/{number}/copy': () => ({ body: { withEntries: false } }),
  'POST /api/v1/cases/{number}/children': (f) => ({ body: { childNumbers: [f.spareNumber] } }),
  'POST /api/v1/cases/{number}/entries': () => ({ body: { kind: 'phone_note', text: 'Ringde kunden.' } }),
  'POST /api/v1/cases/{number}/referrals': (f) => ({
    body: { version: f.version, to: { email: 'trafik@solna.example', name: 'Matris' }, message: 'Matris: remiss' },
  }),
  'POST /api/v1/cases/{number}/watches': () => ({
    body: { kind: 'not_closed', comment: 'Matris: bevakning', endAt: '2030-01-01T08:00:00Z' },
  }),
  'PUT /api/v1/saved-searches/{name}': () => ({ body: { inboxId: INBOX, query: '?status=open' } }),
  // The caller sets a watch of their own first (anyone who may not see the case gets no watch, and a 404).
  'DELETE /api/v1/cases/{number}/watches/{watchId}': () => ({
    before: async (api, fixture, as) => {
      const response = await api.call<{ id?: string }>('POST', `/api/v1/cases/${fixture.number}/watches`, {
        as,
        body: { kind: 'no_handler', endAt: '2030-01-01T08:00:00Z' },
      });
      if (response.body.id) fixture.watchId = response.body.id;
    },
  }),
  // david closes the case first: only a closed case is reopened at a time.
  'PUT /api/v1/cases/{number}/scheduled-reopen': () => ({
    body: { at: '2030-01-07T07:00:00Z', reason: 'Matris: följ upp' },
    before: (api, fixture) =>
      api.call('POST', `/api/v1/cases/${fixture.number}/status`, {
        as: 'david',
        body: { version: fixture.version, to: 'closed' },
      }),
  }),
  'POST /api/v1/customers': () => ({ body: { firstName: 'Mats', lastName: 'Matrisson' } }),
  'POST /api/v1/customers/search': () => ({ body: { name: 'matrisson' } }),
  'PATCH /api/v1/customers/{id}': (f) => ({ body: { version: f.customerVersion, changes: { city: 'Solna' } } }),
  'POST /api/v1/inboxes': () => ({ body: MATRIX_INBOX }),
  'PUT /api/v1/inboxes/{inboxId}': (f) => ({
    body: { ...MATRIX_INBOX, name: 'Matris: omdöpt inkorg', version: f.routing?.inboxVersion ?? 1 },
  }),
  'GET /api/v1/templates/search': () => ({ query: `?q=${encodeURIComponent('snöröj')}` }),
  'POST /api/v1/templates': () => ({ body: { title: 'Matris: mall', inboxId: INBOX } }),
  'PUT /api/v1/templates/{templateId}': (f) => ({
    body: { title: 'Matris: omdöpt mall', version: f.routing?.templateVersion ?? 1 },
  }),
  'PUT /api/v1/message-templates/{purpose}/{language}': () => ({
    body: { subject: 'Matris: {title}', body: 'Hej {customerName}! Ärende {caseNumber} är avslutat.\n\n{solution}' },
  }),
  'GET /api/v1/signatures/scope': () => ({
    query: '?servicePointId=matris',
    before: (api) =>
      api.call('PUT', '/api/v1/signatures/scope?servicePointId=matris', {
        as: 'david',
        body: { text: 'Matris: kundtjänsten' },
      }),
  }),
  'PUT /api/v1/signatures/scope': () => ({ query: '?servicePointId=matris', body: { text: 'Matris: signatur' } }),
  'DELETE /api/v1/signatures/scope': () => ({ query: '?userId=matris' }),
  'POST /api/v1/reference-data/{referenceKind}': () => ({ body: { name: 'Matris: område' } }),
  'PUT /api/v1/reference-data/{referenceKind}/{referenceId}': (f) => ({
    body: { name: 'Matris: omdöpt område', version: f.routing?.referenceVersion ?? 1 },
  }),
  // A second create of `matris` is a 409 the read does not mind.
  'GET /api/v1/calendars/{calendarId}': () => ({ before: (api) => createCalendar(api, MATRIX_CALENDAR) }),
  'POST /api/v1/calendars': () => ({ body: { id: `matris-${++calendarCount}`, ...MATRIX_CALENDAR_BODY } }),
  'PUT /api/v1/calendars/{calendarId}': () => ({
    body: { ...MATRIX_CALENDAR_BODY, name: 'Matris: ändrad kalender', version: 1 },
    before: async (api, fixture) => {
      fixture.calendarId = (await createCalendar(api, `matris-${++calendarCount}`)).body.id;
    },
  }),
  'GET /api/v1/knowledge/search': () => ({ query: '?q=matris' }),
  'GET /api/v1/directory': () => ({ query: '?q=matris' }),
  'POST /api/v1/directory': () => ({ body: DIRECTORY_PERSON }),
  'PUT /api/v1/directory/{staffId}': (f) => ({
    body: { ...DIRECTORY_PERSON, title: 'Matrisexpert', version: f.directory?.staffVersion ?? 1 },
  }),
  'POST /api/v1/knowledge/suggestions': () => ({ body: { title: 'Snöröjning', description: 'Gatan är inte plogad.' } }),
  'POST /api/v1/knowledge/articles': () => ({ body: { kind: 'information', title: 'Matris: nytt utkast' } }),
  'POST /api/v1/knowledge/articles/from-case': (f) => ({
    body: { number: f.number, question: 'Hur sorterar jag glas?', answer: 'I glasigloon.' },
  }),
  'PATCH /api/v1/knowledge/articles/{articleId}': (f) => ({
    body: { version: f.knowledge!.articleVersion, changes: { summary: 'Matris: ändrad' } },
  }),
  'POST /api/v1/knowledge/articles/{articleId}/publish': (f) => ({ body: { version: f.knowledge!.articleVersion } }),
  'POST /api/v1/knowledge/articles/{articleId}/unpublish': (f) => ({ body: { version: f.knowledge!.articleVersion } }),
  'PUT /api/v1/knowledge/articles/{articleId}/rating': () => ({ body: { stars: 4 } }),
  'POST /api/v1/knowledge/articles/{articleId}/proposals': (f) => ({
    body: { version: f.knowledge!.articleVersion, changes: { summary: 'Matris: förslag' }, comment: 'Matris' },
  }),
  'POST /api/v1/knowledge/proposals/{proposalId}/accept': () => ({ body: {} }),
  'POST /api/v1/knowledge/proposals/{proposalId}/reject': () => ({ body: {} }),
  'POST /api/v1/knowledge/folders': () => ({ body: { name: 'Matris: mapp' } }),
  'PUT /api/v1/knowledge/folders/{folderId}': () => ({ body: { name: 'Matris: mapp omdöpt' } }),
  'POST /api/v1/knowledge/synonyms': () => ({ body: newSynonyms() }),
  'PUT /api/v1/knowledge/synonyms/{synonymId}': () => ({ body: newSynonyms() }),
  // A sitemap nobody serves: reading it fails fast, and the run records why.
  'POST /api/v1/knowledge/web-sources': () => ({
    body: { sitemapUrl: `http://127.0.0.1:9/matris-${++synonymCount}.xml` },
  }),
  'PUT /api/v1/knowledge/web-sources/{webSourceId}': () => ({
    body: { sitemapUrl: `http://127.0.0.1:9/matris-${++synonymCount}.xml`, refreshMinutes: 60 },
  }),
};

function fillPath(template: string, f: Fixture): string {
  const values: Record<string, string> = {
    number: f.number,
    childNumber: f.childNumber,
    entryId: f.entryId,
    watchId: f.watchId ?? '01935c62-0a1b-7c2d-8e3f-000000000000',
    customerId: f.customerId,
    id: f.customerId,
    inboxId: f.routing?.inboxId ?? INBOX,
    templateId: f.routing?.templateId ?? TEMPLATE,
    referenceKind: 'area',
    referenceId: f.routing?.referenceId ?? 'matris',
    ...(f.knowledge
      ? {
          articleId: f.knowledge.articleId,
          proposalId: f.knowledge.proposalId,
          folderId: f.knowledge.folderId,
          synonymId: f.knowledge.synonymId,
          webSourceId: f.knowledge.webSourceId,
        }
      : {}),
    ...(f.directory ? { staffId: f.directory.staffId } : { staffId: 'matris-saknas' }),
    calendarId: f.calendarId ?? MATRIX_CALENDAR,
    caseTypeId: 'matris',
    categoryId: 'matris',
    name: 'matris',
    purpose: 'customer_close',
    language: 'sv',
    kind: 'case_type',
    targetId: 'matris',
  };
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no example value for {${name}}: add one to fillPath`);
    return value;
  });
}

let platform: Platform;
let api: Api;
let otherIssuer: LocalIssuer;
const tokens = new Map<string, string>();
let shared: Fixture;

async function ok<T>(response: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function createKnowledgeFixture(): Promise<KnowledgeFixture> {
  const as = 'cecilia';
  const draft = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/knowledge/articles', {
      as,
      body: { kind: 'call_script', title: 'Matris: glasåtervinning', body: 'Glas sorteras i igloon.' },
    }),
    'article',
  );
  const published = await ok(
    api.call<{ version: number }>('POST', `/api/v1/knowledge/articles/${draft.id}/publish`, {
      as,
      body: { version: draft.version },
    }),
    'publish',
  );
  const proposal = await ok(
    api.call<{ id: string }>('POST', `/api/v1/knowledge/articles/${draft.id}/proposals`, {
      body: { version: published.version, changes: { summary: 'Matris: förslag' }, comment: 'Matris' },
    }),
    'proposal',
  );
  const folder = await ok(
    api.call<{ id: string }>('POST', '/api/v1/knowledge/folders', { as, body: { name: 'Matris: mapp' } }),
    'folder',
  );
  const synonyms = await ok(
    api.call<{ id: string }>('POST', '/api/v1/knowledge/synonyms', { as, body: newSynonyms() }),
    'synonyms',
  );
  const webSource = await ok(
    api.call<{ id: string }>('POST', '/api/v1/knowledge/web-sources', {
      as,
      body: { sitemapUrl: `http://127.0.0.1:9/matris-${++synonymCount}.xml` },
    }),
    'web source',
  );
  return {
    webSourceId: webSource.id,
    articleId: draft.id,
    articleVersion: published.version,
    proposalId: proposal.id,
    folderId: folder.id,
    synonymId: synonyms.id,
  };
}

/** Routing's org units for the directory's example people; reference data has no gateway routes. */
async function createDirectoryOrgUnits(): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  try {
    const rpc = new RpcClient({ nc, names: new MessagingNames(platform.prefix) });
    const ctx = {
      actor: { kind: 'staff' as const, id: 'david', name: 'David Ekström', roles: ['admin'], groups: [] },
      correlationId: 'access-matrix-directory',
    };
    await rpc.request(
      saveReferenceV1,
      { kind: 'org-unit', id: DIRECTORY_PERSON.departmentId, name: 'Matrisförvaltningen', orgLevel: 'department' },
      ctx,
    );
    await rpc.request(
      saveReferenceV1,
      {
        kind: 'org-unit',
        id: DIRECTORY_PERSON.unitId,
        name: 'Matrisenheten',
        orgLevel: 'unit',
        parentId: DIRECTORY_PERSON.departmentId,
      },
      ctx,
    );
  } finally {
    await nc.drain();
  }
}

async function createDirectoryFixture(): Promise<NonNullable<Fixture['directory']>> {
  const person = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/directory', { as: 'david', body: DIRECTORY_PERSON }),
    'person',
  );
  return { staffId: person.id, staffVersion: person.version };
}

async function createRoutingFixture(): Promise<RoutingFixture> {
  const as = 'david';
  const inbox = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/inboxes', { as, body: MATRIX_INBOX }),
    'inbox',
  );
  const template = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/templates', { as, body: { title: 'Matris: mall' } }),
    'template',
  );
  const area = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/reference-data/area', {
      as,
      body: { name: 'Matris: område' },
    }),
    'area',
  );
  return {
    inboxId: inbox.id,
    inboxVersion: inbox.version,
    templateId: template.id,
    templateVersion: template.version,
    referenceId: area.id,
    referenceVersion: area.version,
  };
}

async function createFixture(
  withKnowledge = false,
  { withDirectory = false, withRouting = false } = {},
): Promise<Fixture> {
  const register = (title: string) =>
    ok(
      api.call<CaseView>('POST', '/api/v1/cases', {
        body: { title, channel: 'phone', inboxId: INBOX, servicePointId: SERVICE_POINT },
      }),
      'case',
    );
  const main = await register('Matris: snöröjning har uteblivit');
  const child = await register('Matris: barnärende');
  const spare = await register('Matris: reservärende');
  const customer = await ok(
    api.call<{ id: string; version: number }>('POST', '/api/v1/customers', { body: { lastName: 'Matrisson' } }),
    'customer',
  );
  await ok(api.call('PUT', `/api/v1/cases/${main.number}/customers/${customer.id}`), 'link');
  const entry = await ok(
    api.call<{ id: string }>('POST', `/api/v1/cases/${main.number}/entries`, {
      body: { kind: 'phone_note', text: 'Kunden ringde.' },
    }),
    'entry',
  );
  await ok(
    api.call('POST', `/api/v1/cases/${main.number}/children`, { body: { childNumbers: [child.number] } }),
    'relate',
  );
  const current = await ok(api.call<CaseView>('GET', `/api/v1/cases/${main.number}`), 'read');
  return {
    number: main.number,
    version: current.version,
    customerId: customer.id,
    customerVersion: customer.version,
    entryId: entry.id,
    childNumber: child.number,
    spareNumber: spare.number,
    ...(withKnowledge ? { knowledge: await createKnowledgeFixture() } : {}),
    ...(withDirectory ? { directory: await createDirectoryFixture() } : {}),
    ...(withRouting ? { routing: await createRoutingFixture() } : {}),
  };
}

/** A real token re-signed by the platform issuer's key with its `exp` moved by `expiresInSec` from now. */
function resigned(valid: string, keyFile: string, expiresInSec: number): string {
  const [header, payload] = valid.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  const exp = Math.floor(Date.now() / 1000) + expiresInSec;
  const body = Buffer.from(JSON.stringify({ ...claims, iat: exp - 300, nbf: exp - 300, exp })).toString('base64url');
  const key = createPrivateKey({
    key: JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, string>,
    format: 'jwk',
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), key).toString('base64url');
  return `${header}.${body}.${signature}`;
}

beforeAll(async () => {
  platform = await startPlatform();
  await platform.seedRouting();
  api = new Api(platform);
  otherIssuer = await startLocalIssuer();
  for (const user of USERS) tokens.set(user, await api.token(user));
  tokens.set('expired', resigned(tokens.get('anna')!, platform.issuerKeyFile, -3600));
  tokens.set('wrong issuer', await otherIssuer.tokenFor('anna'));
  tokens.set('wrong audience', await api.token('anna', 'portal'));
  await createDirectoryOrgUnits();
  shared = await createFixture(true, { withDirectory: true, withRouting: true });
});

afterAll(async () => {
  await otherIssuer?.close();
  await platform?.stop();
});

async function callAs(route: string, caller: string): Promise<number> {
  const [method, template] = route.split(' ');
  // Requests that change something get their own fixture when they can get through, so cells do not disturb each other.
  const knowledge = template.startsWith('/api/v1/knowledge');
  const directory = template.startsWith('/api/v1/directory');
  const routing = ROUTING_ROUTES.test(template);
  const fixture =
    method !== 'GET' && CASE_WORKERS.has(caller)
      ? await createFixture(knowledge, { withDirectory: directory, withRouting: routing })
      : shared;
  const example = EXAMPLES[route]?.(fixture) ?? {};
  if (CASE_WORKERS.has(caller)) await example.before?.(api, fixture, caller);
  const token = tokens.get(caller);
  const response = await fetch(`${platform.gatewayUrl}${fillPath(template, fixture)}${example.query ?? ''}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(example.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: example.body === undefined ? undefined : JSON.stringify(example.body),
  });
  // A live event stream never ends by itself: the status is all this test needs.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
  else await response.arrayBuffer();
  return response.status;
}

describe('docs/access-matrix.md', () => {
  it('has a column for every demo role and each kind of bad token', () => {
    expect(matrix.callers).toEqual([...USERS, 'no token', 'expired', 'wrong issuer', 'wrong audience']);
  });

  it('refuses the expired token for its exp alone: re-signed with a future exp it is accepted', async () => {
    const fresh = resigned(tokens.get('anna')!, platform.issuerKeyFile, 120);
    const response = await fetch(`${platform.gatewayUrl}/api/v1/favourites`, {
      headers: { authorization: `Bearer ${fresh}` },
    });
    expect(response.status).toBe(200);
  });

  it('has a row for every route of the OpenAPI document', async () => {
    const document = await ok(
      api.call<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json', { as: null }),
      'openapi',
    );
    const operations = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.keys(item)
        .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
        .map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.filter((operation) => !matrix.rows.has(operation))).toEqual([]);
  });

  it.each([...matrix.rows.keys()])('%s answers every caller as the table says', async (route) => {
    const expected = matrix.rows.get(route)!;
    const mismatches: string[] = [];
    for (const caller of matrix.callers) {
      const status = await callAs(route, caller);
      const allowed = expected.get(caller)!;
      if (!allowed.includes(statusClass(status)))
        mismatches.push(`${caller}: ${status}, expected ${allowed.join(' or ')}`);
    }
    expect(mismatches).toEqual([]);
  });
});
