import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import pg from 'pg';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type CaseView, INBOX_SORTS } from '@arende/contracts';
import { type Platform, startPlatform } from '../src/platform.js';
import { readStream } from '../src/streams.js';
import { Api } from './api.js';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const swedishYear = Number(
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()),
);

let platform: Platform;
let api: Api;
let nc: NatsConnection;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  nc = await connect({ servers: natsUrl });
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

/** Every case this file registered through register(), in order. */
const registered: CaseView[] = [];

async function register(fields: Record<string, unknown> = {}, as = 'anna'): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', {
    as,
    body: { title: 'Fråga om sophämtning', channel: 'phone', ...fields },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  registered.push(response.body);
  return response.body;
}

describe('a case through the gateway', () => {
  let first: CaseView;

  beforeAll(async () => {
    // Anna and Bertil belong to the inbox kundtjanst: they see its cases and no others.
    first = await register({ title: 'Snöröjning har uteblivit', inboxId: 'kundtjanst', priority: 'normal' });
  });

  it('gets the first number of the Swedish year', () => {
    expect(first.number).toBe(`${swedishYear}-000001`);
    expect(first.status).toBe('new');
    expect(first.version).toBe(1);
  });

  it('numbers the next cases in order without gaps', async () => {
    const next = await register();
    const after = await register();
    expect(Number(next.number.slice(5))).toBe(Number(first.number.slice(5)) + 1);
    expect(Number(after.number.slice(5))).toBe(Number(next.number.slice(5)) + 1);
  });

  it('reads back through GET /api/v1/cases/{number}', async () => {
    const read = await api.call<CaseView>('GET', `/api/v1/cases/${first.number}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first);
  });

  it('shows in its inbox listing', async () => {
    const page = await api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/kundtjanst/cases');
    expect(page.status).toBe(200);
    // So far every case of this file is new, normal and in kundtjanst: the listing is all of them, oldest first.
    expect(page.body.items[0].number).toBe(first.number);
    expect(page.body.items.map((c) => c.number)).toEqual(registered.map((c) => c.number));
  });

  it('hides a case of an inbox the agent does not belong to: 404 and absent from the listing', async () => {
    const elsewhere = await register({ title: 'Bygglovsfråga', inboxId: 'e2e-first' });
    const read = await api.call('GET', `/api/v1/cases/${elsewhere.number}`);
    expect(read).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    const guessed = await api.call('GET', `/api/v1/cases/${swedishYear}-999999`);
    expect(read.body).toMatchObject({ message: `No case ${elsewhere.number}` });
    expect(guessed).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    const listing = await api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/e2e-first/cases');
    expect(listing).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('publishes case.evt.registered.v1 to JetStream exactly once', async () => {
    // Once the relay has marked every outbox row sent, nothing more can be published: then count.
    const db = new pg.Client(platform.databaseUrl);
    await db.connect();
    try {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await db.query<{ unsent: string }>(
          'SELECT count(*) AS unsent FROM case_core.outbox WHERE sent_at IS NULL',
        );
        if (rows[0].unsent === '0') break;
        if (Date.now() > deadline) throw new Error(`${rows[0].unsent} outbox rows still unsent`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await db.end();
    }
    const jsm = await jetstreamManager(nc);
    const registered = (await readStream(jsm, `${platform.prefix.toUpperCase()}CASE`)).filter(
      (m) => m.type === 'case.evt.registered.v1' && (m.data as CaseView).number === first.number,
    );
    expect(registered).toHaveLength(1);
    expect(registered[0].subject).toBe(`${platform.prefix}case.evt.registered.v1`);
    expect(registered[0].data).toEqual(first);
  });

  it('carries the caller’s correlation id from the HTTP header into the event', async () => {
    const correlationId = `e2e-${Date.now()}`;
    const created = await api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title: 'Fråga om parkeringstillstånd', channel: 'phone' },
      headers: { 'x-correlation-id': correlationId },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const jsm = await jetstreamManager(nc);
    const deadline = Date.now() + 10_000;
    let events: Array<{ correlationId: string; data: unknown }> = [];
    while (events.length === 0 && Date.now() < deadline) {
      events = (await readStream(jsm, `${platform.prefix.toUpperCase()}CASE`)).filter(
        (m) => (m.data as CaseView).number === created.body.number,
      );
      if (events.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(events.map((e) => e.correlationId)).toEqual([correlationId]);
  });

  it('refuses a forbidden transition with 409 naming both states', async () => {
    const closed = await register({ status: 'closed' });
    const response = await api.call('POST', `/api/v1/cases/${closed.number}/status`, {
      body: { version: closed.version, to: 'parked' },
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'CASE.TRANSITION_FORBIDDEN',
      details: { from: 'closed', to: 'parked' },
    });
  });

  it('moves along allowed transitions and reopens a closed case', async () => {
    const c = await register();
    let version = c.version;
    for (const to of ['open', 'waiting_for_customer', 'open', 'closed', 'reopened', 'resolved']) {
      const response = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, { body: { version, to } });
      expect([to, response.status]).toEqual([to, 200]);
      expect(response.body.status).toBe(to);
      version = response.body.version;
    }
  });
});

describe('errors at the edge', () => {
  it('401 AUTH.UNAUTHENTICATED without a token, and with a bad one', async () => {
    const none = await api.call('GET', '/api/v1/inboxes/kundtjanst/cases', { as: null });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const bad = await api.call('GET', '/api/v1/inboxes/kundtjanst/cases', {
      as: null,
      headers: { authorization: 'Bearer not.a.token' },
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('403 AUTH.FORBIDDEN for a role that works no cases', async () => {
    const response = await api.call('GET', '/api/v1/inboxes/kundtjanst/cases', { as: 'rut' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('400 REQUEST.INVALID with the field paths', async () => {
    const response = await api.call<{ code: string; details: { fields: Array<{ path: string }> } }>(
      'POST',
      '/api/v1/cases',
      {
        body: { title: '', priority: 'very', channel: 'pigeon' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST.INVALID');
    expect(response.body.details.fields.map((f) => f.path).sort()).toEqual(['channel', 'priority', 'title']);
  });

  it('400 REQUEST.INVALID for a body that is not JSON', async () => {
    const response = await api.call('POST', '/api/v1/cases', { rawBody: '{"title": ' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
  });

  it('400 for a malformed case number, 404 CASE.NOT_FOUND for an unknown one', async () => {
    const malformed = await api.call('GET', '/api/v1/cases/12345');
    expect(malformed.status).toBe(400);
    const unknown = await api.call('GET', '/api/v1/cases/1999-999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'CASE.NOT_FOUND' });
  });

  it('404 REQUEST.NOT_FOUND for an unknown route, with the correlation id', async () => {
    const response = await api.call<{ code: string; correlationId: string }>('GET', '/api/v1/nothing-here', {
      headers: { 'x-correlation-id': 'e2e-correlation-1' },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'REQUEST.NOT_FOUND', correlationId: 'e2e-correlation-1' });
  });
});

describe('two agents on one case', () => {
  it('refuses a stale version with 409 CASE.VERSION_CONFLICT and loses neither change', async () => {
    const c = await register({ title: 'Faktura för förskola' });
    const annaRead = (await api.call<CaseView>('GET', `/api/v1/cases/${c.number}`, { as: 'anna' })).body;
    const bertilRead = (await api.call<CaseView>('GET', `/api/v1/cases/${c.number}`, { as: 'bertil' })).body;

    const anna = await api.call<CaseView>('PATCH', `/api/v1/cases/${c.number}`, {
      as: 'anna',
      body: { version: annaRead.version, changes: { priority: 'urgent' } },
    });
    expect(anna.status).toBe(200);

    const bertil = await api.call('PATCH', `/api/v1/cases/${c.number}`, {
      as: 'bertil',
      body: { version: bertilRead.version, changes: { description: 'Kunden har skickat in underlag.' } },
    });
    expect(bertil.status).toBe(409);
    expect(bertil.body).toMatchObject({
      code: 'CASE.VERSION_CONFLICT',
      details: { currentVersion: anna.body.version },
    });

    const reloaded = (await api.call<CaseView>('GET', `/api/v1/cases/${c.number}`, { as: 'bertil' })).body;
    const retried = await api.call<CaseView>('PATCH', `/api/v1/cases/${c.number}`, {
      as: 'bertil',
      body: { version: reloaded.version, changes: { description: 'Kunden har skickat in underlag.' } },
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ priority: 'urgent', description: 'Kunden har skickat in underlag.' });
  });
});

describe('locks', () => {
  it('423 CASE.LOCKED with the holder for others; a supervisor forces it open', async () => {
    const c = await register();
    const locked = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/lock`, { as: 'anna' });
    expect(locked.status).toBe(200);
    expect(locked.body.lock).toMatchObject({ holderId: expect.any(String) as string });

    const other = await api.call('PATCH', `/api/v1/cases/${c.number}`, {
      as: 'bertil',
      body: { version: locked.body.version, changes: { title: 'Ny rubrik' } },
    });
    expect(other.status).toBe(423);
    expect(other.body).toMatchObject({ code: 'CASE.LOCKED', details: { holderId: locked.body.lock?.holderId } });

    const notForced = await api.call('DELETE', `/api/v1/cases/${c.number}/lock`, { as: 'bertil' });
    expect(notForced.status).toBe(423);
    const agentForce = await api.call('DELETE', `/api/v1/cases/${c.number}/lock?force=true`, { as: 'bertil' });
    expect(agentForce.status).toBe(403);
    const forced = await api.call<CaseView>('DELETE', `/api/v1/cases/${c.number}/lock?force=true`, { as: 'cecilia' });
    expect(forced.status).toBe(200);
    expect(forced.body.lock).toBeNull();
  });
});

describe('inbox listing', () => {
  it('lists urgent, prioritised, normal and oldest first within each, page by page', async () => {
    // The agent's own inbox, narrowed to a status no other case of this file is left in.
    const inboxId = 'kundtjanst';
    const status = 'with_external';
    const before = await api.call<{ items: CaseView[] }>('GET', `/api/v1/inboxes/${inboxId}/cases?status=${status}`);
    expect(before.body.items).toEqual([]);
    const made: CaseView[] = [];
    for (const priority of ['normal', 'urgent', 'prioritised', 'normal', 'urgent', 'prioritised', 'normal']) {
      made.push(await register({ inboxId, priority, status }));
    }
    const rank = { urgent: 0, prioritised: 1, normal: 2 } as const;
    const expected = [...made]
      .sort(
        (a, b) =>
          rank[a.priority] - rank[b.priority] ||
          a.registeredAt.localeCompare(b.registeredAt) ||
          a.id.localeCompare(b.id),
      )
      .map((c) => c.number);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?status=${status}&limit=3&cursor=${cursor}` : `?status=${status}&limit=3`;
      const page = await api.call<{ items: CaseView[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/inboxes/${inboxId}/cases${query}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c) => c.number));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('rejects a cursor it did not give out', async () => {
    const response = await api.call('GET', '/api/v1/inboxes/kundtjanst/cases?cursor=bm9wZQ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
  });

  it('sorts, filters by handler, totals and counts what it lists', async () => {
    const inboxId = 'kundtjanst';
    const status = 'resolved';
    for (const priority of ['normal', 'urgent', 'prioritised', 'normal', 'urgent']) {
      await register({ inboxId, priority, status });
    }
    type Page = { items: CaseView[]; nextCursor: string | null; total: number | null };
    const listing = async (query: string) => {
      const page = await api.call<Page>('GET', `/api/v1/inboxes/${inboxId}/cases?status=${status}&${query}`);
      expect(page.status).toBe(200);
      return page.body;
    };
    const reference = await listing('sort=number&limit=200');
    expect(reference.nextCursor).toBeNull();
    expect(reference.items.length).toBeGreaterThanOrEqual(5);
    expect(reference.total).toBe(reference.items.length);

    const seen: string[] = [];
    let page = await listing('sort=-number&limit=2');
    const totals = [page.total];
    seen.push(...page.items.map((c) => c.number));
    while (page.nextCursor) {
      page = await listing(`sort=-number&limit=2&cursor=${page.nextCursor}`);
      totals.push(page.total);
      seen.push(...page.items.map((c) => c.number));
    }
    expect(seen).toEqual(reference.items.map((c) => c.number).reverse());
    expect(totals.slice(1).every((t) => t === null)).toBe(true);

    const unassigned = await listing('sort=number&limit=200&assigneeId=none');
    expect(unassigned.items).toEqual(reference.items.filter((c) => c.assigneeId === null));

    const counts = await api.call<{ total: number; byStatus: object; byPriority: Record<string, number> }>(
      'GET',
      `/api/v1/inboxes/${inboxId}/counts?status=${status}`,
    );
    expect(counts.status).toBe(200);
    expect(counts.body.total).toBe(reference.items.length);
    expect(counts.body.byStatus).toEqual({ [status]: reference.items.length });
    const byPriority: Record<string, number> = {};
    for (const c of reference.items) byPriority[c.priority] = (byPriority[c.priority] ?? 0) + 1;
    expect(counts.body.byPriority).toEqual(byPriority);
  });

  it('400 REQUEST.INVALID for an unknown sort, naming the sorts it knows', async () => {
    const response = await api.call('GET', '/api/v1/inboxes/kundtjanst/cases?sort=title');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(JSON.stringify(response.body)).toContain(INBOX_SORTS.join(', '));
  });
});

describe('case card', () => {
  it('opens with the case, the newest entries, the customers and the relations in one request', async () => {
    const c = await register({ inboxId: 'kundtjanst', description: 'Kunden ringde om sophämtningen.' });
    for (const text of ['Ringde kunden.', 'Kunden ringde tillbaka.']) {
      const added = await api.call('POST', `/api/v1/cases/${c.number}/entries`, { body: { kind: 'phone_note', text } });
      expect(added.status).toBe(201);
    }
    const card = await api.call<Record<string, unknown>>('GET', `/api/v1/cases/${c.number}/card?entries=1`);
    expect(card.status).toBe(200);
    const [read, entries, customers, relations] = await Promise.all([
      api.call<CaseView>('GET', `/api/v1/cases/${c.number}`),
      api.call<{ items: unknown[]; nextCursor: string | null }>(
        'GET',
        `/api/v1/cases/${c.number}/entries?order=desc&limit=1`,
      ),
      api.call<{ items: unknown[] }>('GET', `/api/v1/cases/${c.number}/customers`),
      api.call('GET', `/api/v1/cases/${c.number}/relations`),
    ]);
    expect(card.body).toEqual({
      case: read.body,
      timeline: entries.body,
      customers: customers.body.items,
      relations: relations.body,
    });
    expect(entries.body.nextCursor).not.toBeNull();
    const hidden = await api.call('GET', `/api/v1/cases/${c.number}/card`, { as: 'elin' });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'CASE.NOT_FOUND' });
  });
});

describe('operations', () => {
  it('serves OpenAPI 3 with the case routes', async () => {
    const response = await api.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json', {
      as: null,
    });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{number}', '/api/v1/inboxes/{inboxId}/cases']),
    );
  });

  it('answers health and metrics without a token', async () => {
    expect((await api.call('GET', '/health/live', { as: null })).status).toBe(200);
    expect((await api.call('GET', '/health/ready', { as: null })).status).toBe(200);
    const metrics = await api.call<string>('GET', '/metrics', { as: null });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
    const caseCore = await fetch(`${platform.caseCoreOpsUrl}/health/ready`);
    expect(caseCore.status).toBe(200);
    const caseCoreMetrics = await (await fetch(`${platform.caseCoreOpsUrl}/metrics`)).text();
    expect(caseCoreMetrics).toMatch(
      /rpc_duration_seconds_count\{[^}]*subject="case.rpc.register.v1"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
    expect(caseCoreMetrics).toMatch(/rpc_duration_seconds_count\{[^}]*outcome="CASE.NOT_FOUND"[^}]*\} [1-9]/);
    expect(caseCoreMetrics).toMatch(/events_published_total\{[^}]*\} [1-9]/);
  });

  it('replays sent events from the outbox under the same ids, which JetStream drops as duplicates', async () => {
    const jsm = await jetstreamManager(nc);
    const stream = `${platform.prefix.toUpperCase()}CASE`;
    const before = (await jsm.streams.info(stream)).state.messages;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(import.meta.dirname, '../../services/case-core/dist/replay.js'), '--since', '2000-01-01T00:00:00Z'],
      { env: { ...process.env, DATABASE_URL: platform.databaseUrl, NATS_PREFIX: platform.prefix, LOG_LEVEL: 'warn' } },
    );
    const replayed = Number(/replayed (\d+) events/.exec(stdout)?.[1]);
    expect(replayed).toBeGreaterThan(0);
    expect((await jsm.streams.info(stream)).state.messages).toBe(before);
  });
});

describe('secret cases', () => {
  it('are 404 for an agent without the secrecy permission, and every read by one with it is audited for admins', async () => {
    // Cecilia (supervisor) has /secrecy/kundtjanst; Anna does not; David is the admin who reads the audit log.
    const secret = await register({ title: 'Skyddade personuppgifter', secret: true, secrecyParagraph: 'OSL 26:1' });
    const anna = await api.call('GET', `/api/v1/cases/${secret.number}`);
    expect(anna).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    for (const path of [`/api/v1/cases/${secret.number}/events`, `/api/v1/cases/${secret.number}/relations`]) {
      expect(await api.call('GET', path)).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    }
    const listing = await api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/kundtjanst/cases?limit=200');
    expect(listing.body.items.map((c) => c.number)).not.toContain(secret.number);

    const cecilia = await api.call<CaseView>('GET', `/api/v1/cases/${secret.number}`, {
      as: 'cecilia',
      headers: { 'user-agent': 'Ärende-e2e/1.0' },
    });
    expect(cecilia.status).toBe(200);
    expect(cecilia.body.secret).toBe(true);

    const audit = await api.call<{ items: Array<Record<string, unknown>> }>(
      'GET',
      `/api/v1/audit/secret-reads?caseNumber=${secret.number}`,
      { as: 'david' },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      caseNumber: secret.number,
      action: 'case.get',
      actor: { name: 'Cecilia Holm' },
      origin: { userAgent: 'Ärende-e2e/1.0' },
    });
    expect(typeof (audit.body.items[0].origin as { ip: unknown }).ip).toBe('string');
    const agentAudit = await api.call('GET', '/api/v1/audit/secret-reads');
    expect(agentAudit).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });
});
