import { jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type CaseView, caseDistributedV1 } from '@arende/contracts';
import { type Platform, startPlatform } from '../src/platform.js';
import { readStream } from '../src/streams.js';
import { Api } from './api.js';

const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

let platform: Platform;
let api: Api;
let nc: NatsConnection;

async function register(fields: Record<string, unknown>, as = 'anna'): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', {
    as,
    body: {
      title: 'Fråga om bygglov',
      channel: 'phone',
      inboxId: 'kundtjanst',
      servicePointId: 'kundtjanst',
      ...fields,
    },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  nc = await connect({ servers: natsUrl });
  // The demo inboxes: kundtjanst (anna and bertil; pick-next) and the specialist group stadsbyggnad (elin).
  await platform.seedRouting();
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('assignment and distribution through the gateway', () => {
  it('hands out cases with pick-next in order and refuses to let an agent choose one', async () => {
    const normal = await register({ title: 'Normal' });
    const urgent = await register({ title: 'Akut', priority: 'urgent' });
    const choose = await api.call('PUT', `/api/v1/cases/${normal.number}/assignee`, {
      body: { version: normal.version, assigneeId: 'anna' },
    });
    expect(choose.status).toBe(403);
    expect(choose.body).toMatchObject({ code: 'CASE.ASSIGNMENT_FORBIDDEN' });

    const first = await api.call<{ case: CaseView | null }>('POST', '/api/v1/inboxes/kundtjanst/pick-next');
    const second = await api.call<{ case: CaseView | null }>('POST', '/api/v1/inboxes/kundtjanst/pick-next', {
      as: 'bertil',
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.case).toMatchObject({ number: urgent.number, assigneeName: 'Anna Lindqvist' });
    expect(second.body.case).toMatchObject({ number: normal.number, assigneeName: 'Bertil Nyström' });

    const unknown = await api.call('POST', '/api/v1/inboxes/finns-inte/pick-next');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'CASE.INBOX_NOT_FOUND' });
  });

  it('sends a case to a specialist group that must give feedback, and back, with entries and events', async () => {
    const c = await register({ title: 'Bygglov för altan' });
    const sent = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/distribute`, {
      body: {
        version: c.version,
        kind: 'specialist_group',
        inboxId: 'stadsbyggnad',
        requiresFeedback: true,
        note: 'Behöver besked om bygglovet.',
        notifyCustomer: { message: 'Ditt ärende har skickats till bygglovshandläggarna.' },
      },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ inboxId: 'stadsbyggnad', feedbackReturnInboxId: 'kundtjanst' });

    // Cecilia still sees it through the service point she oversees; it cannot be closed yet.
    const close = await api.call('POST', `/api/v1/cases/${c.number}/status`, {
      as: 'cecilia',
      body: { version: sent.body.version, to: 'closed' },
    });
    expect(close.status).toBe(409);
    expect(close.body).toMatchObject({ code: 'CASE.FEEDBACK_REQUIRED' });

    const many = await api.call('POST', '/api/v1/cases/distribute', {
      as: 'cecilia',
      body: {
        cases: [
          { number: c.number, version: sent.body.version },
          { number: '2026-999999', version: 1 },
        ],
        kind: 'work_group',
        inboxId: 'kundtjanst',
        notifyCustomer: { message: 'Hej' },
      },
    });
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ code: 'CASE.NOTIFY_SINGLE_CASE_ONLY' });

    // Elin serves stadsbyggnad: the specialist answers and the case goes back.
    const returned = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/return-feedback`, {
      as: 'elin',
      body: { version: sent.body.version, note: 'Bygglov krävs inte för altanen.' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ inboxId: 'kundtjanst', feedbackReturnInboxId: null });

    const closed = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, {
      as: 'cecilia',
      body: { version: returned.body.version, to: 'closed' },
    });
    expect(closed.status).toBe(200);

    const entries = await api.call<{ items: Array<{ kind: string; text: string }> }>(
      'GET',
      `/api/v1/cases/${c.number}/entries?kinds=distribution`,
    );
    expect(entries.body.items.map((e) => e.text.split('\n')[0])).toEqual([
      'Fördelat till specialistgruppen Stadsbyggnad',
      'Återkoppling från Stadsbyggnad',
    ]);

    const jsm = await jetstreamManager(nc);
    const stream = `${platform.prefix.toUpperCase()}CASE`;
    let distributed: Array<ReturnType<typeof caseDistributedV1.data.parse>> = [];
    for (let i = 0; i < 50 && distributed.length < 2; i++) {
      distributed = (await readStream(jsm, stream))
        .filter((m) => m.type === caseDistributedV1.subject && (m.data as { number: string }).number === c.number)
        .map((m) => caseDistributedV1.data.parse(m.data));
      if (distributed.length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(distributed.map((e) => [e.kind, e.fromInboxId, e.toInboxId, e.notifyCustomer?.message ?? null])).toEqual([
      ['specialist_group', 'kundtjanst', 'stadsbyggnad', 'Ditt ärende har skickats till bygglovshandläggarna.'],
      ['feedback_return', 'stadsbyggnad', 'kundtjanst', null],
    ]);
  });

  it('lets only the handling officer cut and paste a case to another inbox', async () => {
    const c = await register({ title: 'Hamnade fel' });
    const picked = await api.call<{ case: CaseView }>('POST', '/api/v1/inboxes/kundtjanst/pick-next', {
      as: 'bertil',
    });
    expect(picked.body.case.number).toBe(c.number);
    const byAnna = await api.call('POST', `/api/v1/cases/${c.number}/move`, {
      body: { version: picked.body.case.version, inboxId: 'aldreomsorg' },
    });
    expect(byAnna.status).toBe(403);
    expect(byAnna.body).toMatchObject({ code: 'CASE.NOT_ASSIGNEE' });
    const byBertil = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/move`, {
      as: 'bertil',
      body: { version: picked.body.case.version, inboxId: 'aldreomsorg' },
    });
    expect(byBertil.status).toBe(200);
    expect(byBertil.body).toMatchObject({ inboxId: 'aldreomsorg', assigneeName: 'Bertil Nyström' });
  });
});
