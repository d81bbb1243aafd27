import { jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type CaseView, caseAcknowledgedV1, caseCustomerContactedV1 } from '@arende/contracts';
import { DEMO_USERS } from '@arende/local-issuer';
import { type Platform, startPlatform } from '../src/platform.js';
import { readStream } from '../src/streams.js';
import { Api } from './api.js';

// The receiver's side of the follow-up chain through the gateway: the contractor acknowledges a case sent to
// their organisation and marks the customer contacted; a new inbox has to acknowledge again; closing a case
// whose customer wants an answer and had none needs a confirmation.
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const FREDRIK = DEMO_USERS.find((user) => user.username === 'fredrik')!.subject;
const ANNA = DEMO_USERS.find((user) => user.username === 'anna')!.subject;

let platform: Platform;
let api: Api;
let nc: NatsConnection;

async function ok<T>(response: Promise<{ status: number; body: T }>, what: string, status = 200): Promise<T> {
  const { status: got, body } = await response;
  if (got !== status) throw new Error(`${what}: ${got} ${JSON.stringify(body)}`);
  return body;
}

const register = (title: string) =>
  ok(
    api.call<CaseView>('POST', '/api/v1/cases', {
      body: { title, channel: 'phone', inboxId: 'kundtjanst', servicePointId: 'kundtjanst', customerWantsAnswer: true },
    }),
    'register',
    201,
  );

const distribute = (c: CaseView, body: Record<string, unknown>, as = 'anna') =>
  ok(
    api.call<CaseView>('POST', `/api/v1/cases/${c.number}/distribute`, { as, body: { version: c.version, ...body } }),
    'distribute',
  );

/** The follow-up events of a case in the platform's case stream, once the relay has published `count` of them. */
async function followUpEvents(number: string, count: number) {
  const jsm = await jetstreamManager(nc);
  const stream = `${platform.prefix.toUpperCase()}CASE`;
  const subjects: string[] = [caseAcknowledgedV1.subject, caseCustomerContactedV1.subject];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = (await readStream(jsm, stream)).filter(
      (m) => subjects.includes(m.type) && (m.data as { number: string }).number === number,
    );
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  nc = await connect({ servers: natsUrl });
  // The demo inboxes, with the contractor inbox snorojning-ab of fredrik's organisation.
  await platform.seedRouting();
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('acknowledgement and customer contact through the gateway', () => {
  it('lets the contractor acknowledge a case sent to them and mark the customer contacted; a new inbox starts over', async () => {
    const c = await register('Snön är inte röjd på Råsundavägen');
    const sent = await distribute(c, { kind: 'external_party', inboxId: 'snorojning-ab', note: 'Plogning, tack.' });
    expect(sent).toMatchObject({ inboxId: 'snorojning-ab', status: 'with_external', acknowledgedAt: null });

    const seen = await ok(api.call<CaseView>('GET', `/api/v1/cases/${c.number}`, { as: 'fredrik' }), 'read');
    expect(seen).toMatchObject({ acknowledgedAt: null, customerContactedAt: null });

    const acknowledged = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/acknowledge`, { as: 'fredrik' }),
      'acknowledge',
    );
    expect(acknowledged).toMatchObject({ acknowledgedBy: FREDRIK, version: sent.version });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    const again = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/acknowledge`, { as: 'fredrik' }),
      'acknowledge again',
    );
    expect(again.acknowledgedAt).toBe(acknowledged.acknowledgedAt);

    const contacted = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/customer-contacted`, {
        as: 'fredrik',
        body: { note: 'Ringde kunden: vi plogar i eftermiddag.' },
      }),
      'customer contacted',
    );
    expect(contacted).toMatchObject({ customerContactedBy: FREDRIK, acknowledgedAt: acknowledged.acknowledgedAt });

    // One event each, although fredrik acknowledged twice.
    const events = await followUpEvents(c.number, 2);
    expect(events.map((m) => [m.type, (m.data as { by: string }).by, (m.data as { inboxId: string }).inboxId])).toEqual(
      [
        [caseAcknowledgedV1.subject, FREDRIK, 'snorojning-ab'],
        [caseCustomerContactedV1.subject, FREDRIK, 'snorojning-ab'],
      ],
    );

    // The note is on the timeline for staff.
    const notes = await ok(
      api.call<{ items: Array<{ text: string }> }>('GET', `/api/v1/cases/${c.number}/entries?kinds=internal_note`, {
        as: 'cecilia',
      }),
      'entries',
    );
    expect(notes.items.map((e) => e.text)).toEqual([
      'Kunden kontaktad (återkoppling).\n\nRingde kunden: vi plogar i eftermiddag.',
    ]);

    // Taken back in to another inbox by the supervisor (anna no longer sees the case): the marks are cleared,
    // and the contractor no longer sees it.
    const back = await distribute(
      contacted,
      { kind: 'work_group', inboxId: 'aldreomsorg', note: 'Till äldreomsorgen.' },
      'cecilia',
    );
    expect(back).toMatchObject({
      inboxId: 'aldreomsorg',
      acknowledgedAt: null,
      acknowledgedBy: null,
      customerContactedAt: null,
      customerContactedBy: null,
    });
    const gone = await api.call('POST', `/api/v1/cases/${c.number}/acknowledge`, { as: 'fredrik' });
    expect(gone).toMatchObject({ status: 404, body: { code: 'CASE.NOT_FOUND' } });
    const listed = await ok(
      api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/aldreomsorg/cases', { as: 'cecilia' }),
      'inbox',
    );
    expect(listed.items.find((item) => item.number === c.number)).toMatchObject({ acknowledgedAt: null });

    // The customer was contacted before the case moved on: closing it needs no confirmation.
    const closed = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, {
        as: 'cecilia',
        body: { version: back.version, to: 'closed' },
      }),
      'close',
    );
    expect(closed.status).toBe('closed');
  });

  it('warns before closing a case whose customer wants an answer and had none, and closes it when confirmed', async () => {
    const c = await register('Fråga om sophämtning');

    const refused = await api.call('POST', `/api/v1/cases/${c.number}/status`, {
      body: { version: c.version, to: 'closed' },
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'CASE.CUSTOMER_NOT_ANSWERED', details: { cases: [c.number], count: 1 } },
    });
    const still = await ok(api.call<CaseView>('GET', `/api/v1/cases/${c.number}`), 'read');
    expect(still.status).toBe('new');

    const closed = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, {
        body: { version: c.version, to: 'closed', confirmUnanswered: true },
      }),
      'close confirmed',
    );
    expect(closed.status).toBe('closed');
  });

  it('counts a phone note the customer may see as contact: the case closes without a warning', async () => {
    const c = await register('Fråga om bygglov');
    await ok(
      api.call('POST', `/api/v1/cases/${c.number}/entries`, {
        body: { kind: 'phone_note', visibility: 'customer', text: 'Ringde kunden och förklarade reglerna.' },
      }),
      'phone note',
      201,
    );
    const after = await ok(api.call<CaseView>('GET', `/api/v1/cases/${c.number}`), 'read');
    expect(after).toMatchObject({ customerContactedBy: ANNA, acknowledgedAt: null, version: c.version });
    const closed = await api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, {
      body: { version: after.version, to: 'closed' },
    });
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed' } });
  });
});

describe('scheduled reopening through the gateway', () => {
  it('reopens a closed case at the time the agent set, and shows the schedule until then', async () => {
    const c = await register('Följ upp snöröjningen');
    const closed = await ok(
      api.call<CaseView>('POST', `/api/v1/cases/${c.number}/status`, {
        body: { version: c.version, to: 'closed', confirmUnanswered: true },
      }),
      'close',
    );
    const past = await api.call('PUT', `/api/v1/cases/${c.number}/scheduled-reopen`, {
      body: { at: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past).toMatchObject({ status: 422, body: { code: 'SLA.REOPEN_IN_PAST' } });

    const at = new Date(Date.now() + 3_000).toISOString();
    const scheduled = await ok(
      api.call('PUT', `/api/v1/cases/${c.number}/scheduled-reopen`, { body: { at, reason: 'Kolla att det är röjt' } }),
      'schedule',
    );
    expect(scheduled).toEqual({ number: c.number, at, reason: 'Kolla att det är röjt', scheduledBy: ANNA });
    expect(await ok(api.call('GET', `/api/v1/cases/${c.number}/scheduled-reopen`), 'read schedule')).toEqual({
      scheduled,
    });

    const deadline = Date.now() + 15_000;
    let current = closed;
    while (current.status === 'closed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      current = await ok(api.call<CaseView>('GET', `/api/v1/cases/${c.number}`), 'read');
    }
    expect(current.status).toBe('reopened');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(await ok(api.call('GET', `/api/v1/cases/${c.number}/scheduled-reopen`), 'read schedule')).toEqual({
      scheduled: null,
    });
    expect(await ok(api.call('DELETE', `/api/v1/cases/${c.number}/scheduled-reopen`), 'cancel')).toEqual({
      number: c.number,
      cancelled: false,
    });
  });
});
