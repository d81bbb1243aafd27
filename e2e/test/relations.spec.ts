import { DEMO_USERS } from '@arende/local-issuer';
import type { CaseEventView, CaseRelations, CaseView, FavouriteCase } from '@arende/contracts';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

const subjectOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.subject;

let platform: Platform;
let api: Api;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
});

afterAll(async () => {
  await platform?.stop();
});

async function register(fields: Record<string, unknown> = {}, as = 'anna'): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', {
    as,
    body: { title: 'Fråga om sophämtning', channel: 'phone', ...fields },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const read = async (c: CaseView) => (await api.call<CaseView>('GET', `/api/v1/cases/${c.number}`)).body;

describe('master and child cases through the gateway', () => {
  it('relates several children with a status and the master’s case type, and shows the relations', async () => {
    const master = await register({ title: 'Stormfälld ek', caseTypeId: 'trad', categoryId: 'gata-park' });
    const a = await register({ title: 'Träd över gångväg' });
    const b = await register({ title: 'Träd på bil', status: 'open' });
    const response = await api.call<CaseRelations>('POST', `/api/v1/cases/${master.number}/children`, {
      body: { childNumbers: [a.number, b.number], childStatus: 'with_external', inheritCaseType: true },
    });
    expect(response.status).toBe(200);
    expect(response.body.children.map((c) => [c.number, c.status])).toEqual([
      [a.number, 'with_external'],
      [b.number, 'with_external'],
    ]);
    expect(await read(a)).toMatchObject({ parentCaseId: master.id, caseTypeId: 'trad', categoryId: 'gata-park' });
    const ofChild = await api.call<CaseRelations>('GET', `/api/v1/cases/${b.number}/relations`);
    expect(ofChild.body).toEqual({
      case: { number: b.number, title: 'Träd på bil', status: 'with_external' },
      master: { number: master.number, title: 'Stormfälld ek', status: 'new' },
      children: [],
    });

    const detached = await api.call<CaseRelations>('DELETE', `/api/v1/cases/${master.number}/children/${b.number}`);
    expect(detached.status).toBe(200);
    expect(detached.body.children.map((c) => c.number)).toEqual([a.number]);
  });

  it('refuses self, nested and cyclic relations with 409, locked children with 423, bad input with 400', async () => {
    const master = await register();
    const child = await register();
    await api.call('POST', `/api/v1/cases/${master.number}/children`, { body: { childNumbers: [child.number] } });
    const relate = (masterNumber: string, childNumbers: string[], as = 'anna') =>
      api.call('POST', `/api/v1/cases/${masterNumber}/children`, { as, body: { childNumbers } });

    expect((await relate(master.number, [master.number])).body).toMatchObject({
      code: 'CASE.RELATION_INVALID',
      details: { reason: 'self' },
    });
    const cycle = await relate(child.number, [master.number]);
    expect(cycle.status).toBe(409);
    expect(cycle.body).toMatchObject({ code: 'CASE.RELATION_INVALID', details: { reason: 'nested' } });

    const locked = await register();
    await api.call('POST', `/api/v1/cases/${locked.number}/lock`, { as: 'bertil' });
    const refused = await relate(master.number, [locked.number]);
    expect(refused.status).toBe(423);
    expect(refused.body).toMatchObject({ code: 'CASE.LOCKED', details: { number: locked.number } });

    const resolved = await register({ status: 'resolved' });
    const forbidden = await api.call('POST', `/api/v1/cases/${master.number}/children`, {
      body: { childNumbers: [resolved.number], childStatus: 'parked' },
    });
    expect(forbidden.status).toBe(409);
    expect(forbidden.body).toMatchObject({
      code: 'CASE.TRANSITION_FORBIDDEN',
      details: { number: resolved.number, from: 'resolved', to: 'parked' },
    });

    const invalid = await relate(master.number, []);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'REQUEST.INVALID', details: { fields: [{ path: 'childNumbers' }] } });
    expect((await relate(master.number, ['1999-999999'])).status).toBe(404);
    expect((await relate(master.number, [child.number], 'rut')).status).toBe(403);
  });

  it('closes the children when the master closes', async () => {
    const master = await register();
    const open = await register({ status: 'open' });
    const resolved = await register({ status: 'resolved' });
    await api.call('POST', `/api/v1/cases/${master.number}/children`, {
      body: { childNumbers: [open.number, resolved.number] },
    });
    const current = await read(master);
    const closed = await api.call<CaseView>('POST', `/api/v1/cases/${master.number}/status`, {
      as: 'cecilia',
      body: { version: current.version, to: 'closed' },
    });
    expect(closed.status).toBe(200);
    for (const child of [open, resolved]) {
      expect((await read(child)).status).toBe('closed');
      const log = await api.call<{ items: CaseEventView[] }>(
        'GET',
        `/api/v1/cases/${child.number}/events?kinds=status-changed&limit=1`,
      );
      expect(log.body.items[0]).toMatchObject({
        actor: { id: subjectOf('cecilia') },
        changes: { status: { before: child.status, after: 'closed' } },
      });
    }
  });
});

describe('copying a case through the gateway', () => {
  it('copies the fields into a new case, with the entries when asked', async () => {
    const source = await register({ title: 'Klotter på skolan', priority: 'urgent', caseTypeId: 'klotter' });
    const entry = await api.call('POST', `/api/v1/cases/${source.number}/entries`, {
      body: { kind: 'phone_note', text: 'Kunden ringde om klottret.' },
    });
    expect(entry.status).toBe(201);

    const plain = await api.call<CaseView>('POST', `/api/v1/cases/${source.number}/copy`, { as: 'bertil', body: {} });
    expect(plain.status).toBe(201);
    expect(plain.headers.get('location')).toBe(`/api/v1/cases/${plain.body.number}`);
    expect(plain.body).toMatchObject({ title: 'Klotter på skolan', priority: 'urgent', caseTypeId: 'klotter' });
    expect(plain.body.number).not.toBe(source.number);

    const withEntries = await api.call<CaseView>('POST', `/api/v1/cases/${source.number}/copy`, {
      body: { withEntries: true },
    });
    expect(withEntries.status).toBe(201);
    const texts = async (c: CaseView) =>
      (await api.call<{ items: Array<{ text: string }> }>('GET', `/api/v1/cases/${c.number}/entries`)).body.items.map(
        (e) => e.text,
      );
    expect(await texts(withEntries.body)).toEqual(['Kunden ringde om klottret.']);
    expect(await texts(plain.body)).toEqual([]);

    const sourceLog = await api.call<{ items: CaseEventView[] }>(
      'GET',
      `/api/v1/cases/${source.number}/events?kinds=copied&actorId=${subjectOf('bertil')}`,
    );
    expect(sourceLog.body.items.map((e) => e.changes)).toEqual([
      { copiedTo: { before: null, after: plain.body.number } },
    ]);
  });
});

describe('favourites through the gateway', () => {
  it('keeps each user’s own favourites, idempotently', async () => {
    const a = await register({ title: 'Favorit A' });
    const b = await register({ title: 'Favorit B' });
    for (const c of [a, b, a]) {
      const put = await api.call('PUT', `/api/v1/cases/${c.number}/favourite`);
      expect([put.status, put.body]).toEqual([200, { number: c.number, favourite: true }]);
    }
    await api.call('PUT', `/api/v1/cases/${b.number}/favourite`, { as: 'bertil' });
    const list = (as: string) => api.call<{ items: FavouriteCase[] }>('GET', '/api/v1/favourites', { as });
    expect((await list('anna')).body.items.map((f) => f.number)).toEqual([b.number, a.number]);
    expect((await list('anna')).body.items[1]).toMatchObject({ title: 'Favorit A', status: 'new', priority: 'normal' });

    expect((await api.call('DELETE', `/api/v1/cases/${b.number}/favourite`)).status).toBe(200);
    expect((await api.call('DELETE', `/api/v1/cases/${b.number}/favourite`)).status).toBe(200);
    expect((await list('anna')).body.items.map((f) => f.number)).toEqual([a.number]);
    expect((await list('bertil')).body.items.map((f) => f.number)).toEqual([b.number]);
    expect((await api.call('PUT', '/api/v1/cases/1999-999999/favourite')).status).toBe(404);
    expect((await api.call('GET', '/api/v1/favourites?limit=0')).status).toBe(400);
  });
});

describe('the event log through the gateway', () => {
  it('lists who did what, newest first, filtered and paged', async () => {
    const c = await register({ priority: 'normal' });
    await api.call('PATCH', `/api/v1/cases/${c.number}`, { body: { version: 1, changes: { priority: 'urgent' } } });
    await api.call('POST', `/api/v1/cases/${c.number}/status`, { as: 'bertil', body: { version: 2, to: 'open' } });

    const all = await api.call<{ items: CaseEventView[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/cases/${c.number}/events?limit=2`,
    );
    expect(all.status).toBe(200);
    expect(all.body.items.map((e) => e.kind)).toEqual(['status-changed', 'updated']);
    expect(all.body.items[0].actor).toEqual({ id: subjectOf('bertil'), name: expect.any(String) as unknown });
    const rest = await api.call<{ items: CaseEventView[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/cases/${c.number}/events?limit=2&cursor=${all.body.nextCursor}`,
    );
    expect(rest.body.items.map((e) => e.kind)).toEqual(['registered']);
    expect(rest.body.nextCursor).toBeNull();

    const byAnna = await api.call<{ items: CaseEventView[] }>(
      'GET',
      `/api/v1/cases/${c.number}/events?actorId=${subjectOf('anna')}&kinds=updated,registered`,
    );
    expect(byAnna.body.items.map((e) => e.kind)).toEqual(['updated', 'registered']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await api.call<{ items: CaseEventView[] }>(
      'GET',
      `/api/v1/cases/${c.number}/events?from=${encodeURIComponent(future)}`,
    );
    expect(none.body.items).toEqual([]);
    const bad = await api.call('GET', `/api/v1/cases/${c.number}/events?from=yesterday&kinds=Not_A_Kind`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID' });
  });
});
