import { createPrivateKey, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseView } from '@arende/contracts';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
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
}

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
  'PUT /api/v1/cases/{number}/assignee': (f) => ({
    body: { version: f.version, assigneeId: 'anna', assigneeName: 'Anna Lindqvist' },
  }),
  'DELETE /api/v1/cases/{number}/lock': () => ({
    before: (api, fixture, as) => api.call('POST', `/api/v1/cases/${fixture.number}/lock`, { as }),
  }),
  'POST /api/v1/cases/{number}/copy': () => ({ body: { withEntries: false } }),
  'POST /api/v1/cases/{number}/children': (f) => ({ body: { childNumbers: [f.spareNumber] } }),
  'POST /api/v1/cases/{number}/entries': () => ({ body: { kind: 'phone_note', text: 'Ringde kunden.' } }),
  'POST /api/v1/customers': () => ({ body: { firstName: 'Mats', lastName: 'Matrisson' } }),
  'POST /api/v1/customers/search': () => ({ body: { name: 'matrisson' } }),
  'PATCH /api/v1/customers/{id}': (f) => ({ body: { version: f.customerVersion, changes: { city: 'Solna' } } }),
};

function fillPath(template: string, f: Fixture): string {
  const values: Record<string, string> = {
    number: f.number,
    childNumber: f.childNumber,
    entryId: f.entryId,
    customerId: f.customerId,
    id: f.customerId,
    inboxId: INBOX,
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

async function createFixture(): Promise<Fixture> {
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
  api = new Api(platform);
  otherIssuer = await startLocalIssuer();
  for (const user of USERS) tokens.set(user, await api.token(user));
  tokens.set('expired', resigned(tokens.get('anna')!, platform.issuerKeyFile, -3600));
  tokens.set('wrong issuer', await otherIssuer.tokenFor('anna'));
  tokens.set('wrong audience', await api.token('anna', 'portal'));
  shared = await createFixture();
});

afterAll(async () => {
  await otherIssuer?.close();
  await platform?.stop();
});

async function callAs(route: string, caller: string): Promise<number> {
  const [method, template] = route.split(' ');
  // Requests that change something get their own fixture when they can get through, so cells do not disturb each other.
  const fixture = method !== 'GET' && CASE_WORKERS.has(caller) ? await createFixture() : shared;
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
