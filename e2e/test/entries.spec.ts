import { jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import type { CaseView, EntryView } from '@arende/contracts';
import { type Platform, startPlatform } from '../src/platform.js';
import { readStream } from '../src/streams.js';
import { Api } from './api.js';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

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

interface Page {
  items: EntryView[];
  nextCursor: string | null;
}
interface ErrorBody {
  code: string;
  details?: { fields?: Array<{ path: string }> };
}

async function register(): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', { body: { title: 'Fråga om bygglov' } });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

function addEntry(number: string, body: Record<string, unknown>, as = 'anna') {
  return api.call<EntryView & ErrorBody>('POST', `/api/v1/cases/${number}/entries`, { as, body });
}

function entries(number: string, query = '', as = 'anna') {
  return api.call<Page & ErrorBody>('GET', `/api/v1/cases/${number}/entries${query}`, { as });
}

const pathsOf = (body: ErrorBody) => body.details?.fields?.map((f) => f.path).sort();

describe('entries through the gateway', () => {
  it('adds a phone note (201, Location) that reads back alone and in the timeline', async () => {
    const c = await register();
    const added = await addEntry(c.number, { kind: 'phone_note', text: 'Ringde kunden, återkommer i morgon.' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      caseNumber: c.number,
      kind: 'phone_note',
      direction: 'internal',
      visibility: 'staff',
      author: { id: expect.any(String) as string },
      from: null,
    });
    expect(added.headers.get('location')).toBe(`/api/v1/cases/${c.number}/entries/${added.body.id}`);
    const one = await api.call<EntryView>('GET', added.headers.get('location')!);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(added.body);
    expect((await entries(c.number)).body.items).toEqual([added.body]);
    const other = await register();
    const wrongCase = await api.call<ErrorBody>('GET', `/api/v1/cases/${other.number}/entries/${added.body.id}`);
    expect([wrongCase.status, wrongCase.body.code]).toEqual([404, 'ENTRY.NOT_FOUND']);
  });

  it('does not change the case version, and publishes case.evt.entry-added.v1 without the text', async () => {
    const c = await register();
    const added = await addEntry(c.number, { kind: 'internal_note', text: 'Hemlig detalj om kunden' });
    expect(added.status).toBe(201);
    expect((await api.call<CaseView>('GET', `/api/v1/cases/${c.number}`)).body.version).toBe(c.version);
    const jsm = await jetstreamManager(nc);
    const stream = `${platform.prefix.toUpperCase()}CASE`;
    const deadline = Date.now() + 10_000;
    let published: Array<{ data: unknown }> = [];
    while (published.length === 0 && Date.now() < deadline) {
      published = (await readStream(jsm, stream)).filter(
        (m) => m.type === 'case.evt.entry-added.v1' && (m.data as { entryId: string }).entryId === added.body.id,
      );
    }
    expect(published).toHaveLength(1);
    expect(published[0].data).toMatchObject({ number: c.number, kind: 'internal_note', visibility: 'staff' });
    expect(JSON.stringify(published[0])).not.toContain('Hemlig');
  });

  it('sanitises HTML and derives the text', async () => {
    const c = await register();
    const added = await addEntry(c.number, {
      kind: 'official_note',
      html: '<p>Beslut: <b>beviljas</b></p><script>fetch("/x")</script><img src="x" onerror="alert(1)">',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      html: '<p>Beslut: <b>beviljas</b></p>',
      text: 'Beslut: beviljas',
      visibility: 'customer',
    });
  });

  it('400 for a visibility against the kind, a kind agents may not add, or nothing to say', async () => {
    const c = await register();
    const memo = await addEntry(c.number, { kind: 'memo', text: 'x', visibility: 'customer' });
    expect([memo.status, memo.body.code, pathsOf(memo.body)]).toEqual([400, 'REQUEST.INVALID', ['visibility']]);
    const inbound = await addEntry(c.number, { kind: 'inbound_email', text: 'x' });
    expect([inbound.status, pathsOf(inbound.body)]).toEqual([400, ['kind']]);
    const empty = await addEntry(c.number, { kind: 'memo', text: ' ' });
    expect([empty.status, pathsOf(empty.body)]).toEqual([400, ['text']]);
  });

  it('400 with the field path over the limits, 413 over the 1 MiB body limit', async () => {
    const c = await register();
    const text = await addEntry(c.number, { kind: 'memo', text: 'a'.repeat(100_001) });
    expect([text.status, pathsOf(text.body)]).toEqual([400, ['text']]);
    const html = await addEntry(c.number, { kind: 'memo', html: 'a'.repeat(500_001) });
    expect([html.status, pathsOf(html.body)]).toEqual([400, ['html']]);
    const attachment = {
      id: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 1,
    };
    const many = await addEntry(c.number, { kind: 'memo', text: 'x', attachments: Array(51).fill(attachment) });
    expect([many.status, pathsOf(many.body)]).toEqual([400, ['attachments']]);
    const huge = await addEntry(c.number, { kind: 'memo', text: 'a', html: 'a'.repeat(1_100_000) });
    expect([huge.status, huge.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expect((await entries(c.number)).body.items).toEqual([]);
  });

  it('423 CASE.LOCKED for an entry on a case somebody else holds', async () => {
    const c = await register();
    expect((await api.call('POST', `/api/v1/cases/${c.number}/lock`, { as: 'anna' })).status).toBe(200);
    const bertil = await addEntry(c.number, { kind: 'memo', text: 'x' }, 'bertil');
    expect([bertil.status, bertil.body.code]).toEqual([423, 'CASE.LOCKED']);
    expect((await addEntry(c.number, { kind: 'memo', text: 'x' }, 'anna')).status).toBe(201);
  });

  it('removes memos when the case closes, keeps the notes, then refuses new ones with 409 CASE.CLOSED', async () => {
    const c = await register();
    for (const kind of ['memo', 'internal_note', 'memo', 'official_note']) {
      expect((await addEntry(c.number, { kind, text: kind })).status).toBe(201);
    }
    const closed = await api.call('POST', `/api/v1/cases/${c.number}/status`, {
      body: { version: c.version, to: 'closed' },
    });
    expect(closed.status).toBe(200);
    expect((await entries(c.number)).body.items.map((e) => e.kind)).toEqual(['internal_note', 'official_note']);
    const late = await addEntry(c.number, { kind: 'internal_note', text: 'x' });
    expect([late.status, late.body.code]).toEqual([409, 'CASE.CLOSED']);
  });

  it('pages the timeline newest first, only the kinds asked for', async () => {
    const c = await register();
    const ids: string[] = [];
    for (const kind of ['memo', 'phone_note', 'memo', 'official_note', 'memo']) {
      ids.push((await addEntry(c.number, { kind, text: kind })).body.id);
    }
    const seen: string[] = [];
    let query = '?order=desc&kinds=memo,official_note&limit=2';
    for (let pages = 0; pages < 5; pages++) {
      const page = await entries(c.number, query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e) => e.id));
      if (!page.body.nextCursor) break;
      query = `?order=desc&kinds=memo,official_note&limit=2&cursor=${page.body.nextCursor}`;
    }
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    const bad = await entries(c.number, '?kinds=memo,letter&order=sideways');
    expect([bad.status, pathsOf(bad.body)]).toEqual([400, ['kinds.1', 'order']]);
    const unknown = await entries('1999-999999');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
  });

  it('403 for a role that works no cases', async () => {
    const c = await register();
    expect((await addEntry(c.number, { kind: 'memo', text: 'x' }, 'rut')).status).toBe(403);
    expect((await entries(c.number, '', 'rut')).status).toBe(403);
  });
});
