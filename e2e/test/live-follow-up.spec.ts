import { type CaseView, saveCalendarV1, saveReferenceV1 } from '@arende/contracts';
import { DIRECTORY_ORG_UNITS, seedDirectoryDemo } from '@arende/demo-data';
import { MessagingNames, RpcClient, connectNats } from '@arende/messaging';
import { expectEventually } from '@arende/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { ALWAYS_OPEN_CALENDAR } from '../src/calendars.js';
import { Api } from './api.js';

// A case sent to Stadsbyggnad and taken by its officer elin, who does not acknowledge it: after the limit (one
// minute, on a calendar open around the clock) the reminder reaches elin's directory address by mail and her open
// live stream (GET /api/v1/live, over real HTTP) as an in-app notification; the distribution itself reached the
// stream as a case update for her inbox. Every part runs as its own process.
const ELIN_MAIL = 'elin.sjoberg@solna.example';

let platform: Platform;
let api: Api;
let nc: NatsConnection;

interface SseEvent {
  event: string;
  id: string;
  data: Record<string, unknown>;
}

/** Opens the live stream as the web client does (fetch with the bearer token) and collects its events. */
async function openLive(user: string): Promise<{ events: SseEvent[]; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(`${platform.gatewayUrl}/api/v1/live`, {
    headers: { authorization: `Bearer ${await api.token(user)}` },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`GET /api/v1/live: ${response.status} ${await response.text()}`);
  const events: SseEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const fields = new Map<string, string>();
          for (const line of buffer.slice(0, end).split('\n')) {
            if (!line.startsWith(':')) fields.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2));
          }
          buffer = buffer.slice(end + 2);
          if (fields.has('event')) {
            events.push({
              event: fields.get('event')!,
              id: fields.get('id')!,
              data: JSON.parse(fields.get('data')!) as Record<string, unknown>,
            });
          }
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return { events, close: () => abort.abort() };
}

beforeAll(async () => {
  platform = await startPlatform({
    slaWatcherEnv: {
      ACKNOWLEDGE_MINUTES: '1',
      CUSTOMER_CONTACT_MINUTES: '600',
      ESCALATE_AFTER_MINUTES: '600',
      DEFAULT_CALENDAR_ID: 'dygnet-runt',
    },
  });
  await platform.seedRouting();
  api = new Api(platform);
  nc = await connectNats({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', name: 'e2e-live-follow-up' });
  const rpc = new RpcClient({ nc, names: new MessagingNames(platform.prefix) });
  const admin = { actor: { kind: 'staff' as const, id: 'david', roles: ['admin'] }, correlationId: 'e2e-live-seed' };
  // The staff directory with the demo people and their logins (elin among them), on the org units it needs.
  for (const unit of DIRECTORY_ORG_UNITS) {
    await rpc.request(saveReferenceV1, unit, admin).catch((error: { code?: string }) => {
      if (error.code !== 'ROUTING.VERSION_CONFLICT') throw error;
    });
  }
  await seedDirectoryDemo({ gatewayUrl: platform.gatewayUrl, adminToken: await api.token('david') });
  await rpc.request(saveCalendarV1, ALWAYS_OPEN_CALENDAR, admin);
}, 240_000);

afterAll(async () => {
  await nc?.drain();
  await platform?.stop();
});

describe('a reminder to the handling officer', () => {
  it('reaches her directory address by mail and her live stream, which also showed the case arriving', async () => {
    const elin = await openLive('elin');
    const bertil = await openLive('bertil');
    try {
      const registered = await api.call<CaseView>('POST', '/api/v1/cases', {
        as: 'anna',
        body: { title: 'Bygglov för altan på Skolgatan', channel: 'phone', inboxId: 'kundtjanst' },
      });
      expect(registered.status).toBe(201);
      const { number } = registered.body;
      const distributed = await api.call<CaseView>('POST', `/api/v1/cases/${number}/distribute`, {
        as: 'anna',
        body: { version: registered.body.version, kind: 'specialist_group', inboxId: 'stadsbyggnad', note: 'Bygglov.' },
      });
      expect(distributed.status).toBe(200);

      // The inbox view of stadsbyggnad's member updates without a reload; bertil, in kundtjanst, sees it leave.
      const arrived = await expectEventually(() => {
        const got = elin.events.find((e) => e.event === 'case-distributed' && e.data.number === number);
        expect(got).toBeDefined();
        return got!;
      });
      expect(arrived.data).toMatchObject({ fromInboxId: 'kundtjanst', toInboxId: 'stadsbyggnad' });
      await expectEventually(() =>
        expect(bertil.events.filter((e) => e.event === 'case-distributed' && e.data.number === number)).toHaveLength(1),
      );

      // She takes it with pick-next: the case records her login (her token's subject is an opaque id).
      const picked = await api.call<{ case: CaseView | null }>('POST', '/api/v1/inboxes/stadsbyggnad/pick-next', {
        as: 'elin',
      });
      expect(picked.status).toBe(200);
      expect(picked.body.case).toMatchObject({ number, assigneeId: 'elin', assigneeName: 'Elin Sjöberg' });
      await expectEventually(() =>
        expect(elin.events.filter((e) => e.event === 'case-assigned' && e.data.number === number)).toHaveLength(1),
      );

      // The acknowledgement limit passes: elin is reminded through the staff directory's address for her login.
      const mails = await expectEventually(
        () => {
          const got = platform.sink.messages(ELIN_MAIL).filter((m) => m.subject?.includes(number));
          expect(got).toHaveLength(1);
          return got;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      expect(mails[0].text).toContain('inte kvitterat');
      const notice = await expectEventually(() => {
        const got = elin.events.filter((e) => e.event === 'notification' && e.data.caseNumber === number);
        expect(got).toHaveLength(1);
        return got[0];
      });
      expect(notice.data).toMatchObject({
        to: { kind: 'user', userName: 'elin' },
        kind: 'reminder',
        link: `/cases/${number}`,
      });
      expect(notice.data.text).toEqual(expect.stringContaining('inte kvitterat'));
      // Customer service (the inbox the case came from) is reminded too, in the agent client of its members.
      await expectEventually(() =>
        expect(
          bertil.events.filter(
            (e) => e.event === 'notification' && e.data.caseNumber === number && e.data.kind === 'reminder',
          ),
        ).toHaveLength(1),
      );
    } finally {
      elin.close();
      bertil.close();
    }
  }, 240_000);
});
