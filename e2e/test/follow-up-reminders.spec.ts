import { type CaseView, saveCalendarV1 } from '@arende/contracts';
import { MessagingNames, RpcClient, connectNats } from '@arende/messaging';
import { expectEventually } from '@arende/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { ALWAYS_OPEN_CALENDAR } from '../src/calendars.js';
import { Api } from './api.js';

// A case sent to the contractor that nobody acknowledges: after the limit (one minute here, on a calendar open
// around the clock) the contractor and customer service are reminded by mail, and a minute later the supervisor
// gets the escalation. The whole chain runs as separate processes: case-core, sla-watcher, notifications, the sink.
const CONTRACTOR = 'arbetsorder@snorojning.example';
const CUSTOMER_SERVICE = 'kundtjanst@solna.example';
const SUPERVISOR = 'chef.kundtjanst@solna.example';

let platform: Platform;
let api: Api;
let nc: NatsConnection;

beforeAll(async () => {
  platform = await startPlatform({
    slaWatcherEnv: {
      ACKNOWLEDGE_MINUTES: '1',
      CUSTOMER_CONTACT_MINUTES: '600',
      ESCALATE_AFTER_MINUTES: '1',
      DEFAULT_CALENDAR_ID: 'dygnet-runt',
      SUPERVISOR_EMAIL: SUPERVISOR,
    },
  });
  await platform.seedRouting();
  api = new Api(platform);
  nc = await connectNats({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'e2e-follow-up' });
  await new RpcClient({ nc, names: new MessagingNames(platform.prefix) }).request(
    saveCalendarV1,
    ALWAYS_OPEN_CALENDAR,
    { actor: { kind: 'staff', id: 'david', roles: ['admin'] }, correlationId: 'e2e-follow-up-calendar' },
  );
}, 120_000);

afterAll(async () => {
  await nc?.drain();
  await platform?.stop();
});

describe('a case the contractor does not acknowledge', () => {
  it('reminds the contractor and customer service by mail, then escalates to the supervisor', async () => {
    const registered = await api.call<CaseView>('POST', '/api/v1/cases', {
      as: 'anna',
      body: { title: 'Snön ligger kvar på Råsundavägen', channel: 'phone', inboxId: 'kundtjanst' },
    });
    expect(registered.status).toBe(201);
    const { number, version } = registered.body;
    const distributed = await api.call<CaseView>('POST', `/api/v1/cases/${number}/distribute`, {
      as: 'anna',
      body: { version, kind: 'external_party', inboxId: 'snorojning-ab', note: 'Plogning, tack.' },
    });
    expect(distributed.status).toBe(200);
    const about = (to: string) => platform.sink.messages(to).filter((m) => m.subject?.includes(number));

    // Once to each, after the limit.
    await expectEventually(
      () => {
        expect(about(CONTRACTOR)).toHaveLength(1);
        expect(about(CUSTOMER_SERVICE)).toHaveLength(1);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(about(CONTRACTOR)[0].text).toContain('inte kvitterat');
    expect(about(SUPERVISOR)).toEqual([]);

    await expectEventually(() => expect(about(SUPERVISOR)).toHaveLength(1), { timeoutMs: 90_000, intervalMs: 500 });
    expect(about(SUPERVISOR)[0].text).toContain('Eskalering');
    expect(about(CONTRACTOR)).toHaveLength(1);
  }, 240_000);
});
