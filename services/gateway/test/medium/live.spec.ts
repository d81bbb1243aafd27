import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTokenVerifier } from '@arende/auth';
import {
  type CallAnsweredV1Data,
  DomainError,
  type EventContract,
  SYSTEM_ACTOR,
  callAnsweredV1,
  caseDistributedV1,
  entryAddedV1,
  exampleCase,
  getCaseV1,
  inAppNotificationV1,
} from '@arende/contracts';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient, RpcServer, createEnvelope, ensureStreams } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext, expectEventually } from '@arende/testing';
import type { z } from 'zod';
import { startGateway } from '../../src/boot.js';
import { LiveHub } from '../../src/live/live-hub.js';

// The live stream of a real gateway, fed by events published to JetStream on the test's prefix.
let issuer: LocalIssuer;
let ctx: TestContext;
/** case-core's get-case, answered here: the cases (number → inbox) it knows, and the numbers it was asked. */
let caseCore: RpcServer;
const caseInboxes = new Map<string, string>();
const caseLookups: string[] = [];
const tokens = new Map<string, string>();
const opened: LiveStream[] = [];

async function gateway(heartbeatMs = 25_000): Promise<{ app: NestFastifyApplication; base: string }> {
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  const metrics = createMetrics('gateway');
  const app = await startGateway({
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 500 }),
    verifier: createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' }),
    metrics,
    ops: createOpsHandler({ metrics, readiness: [] }),
    live: { nc: ctx.nc, names: ctx.names, maxConnections: 4, maxConnectionsPerUser: 2, heartbeatMs },
    logger,
    host: '127.0.0.1',
    port: 0,
  });
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

let main: { app: NestFastifyApplication; base: string };

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  await ensureStreams(ctx.jsm, ctx.names, ['intake', 'case', 'notifications']);
  for (const user of ['anna', 'bertil', 'cecilia', 'david', 'elin', 'fredrik']) {
    tokens.set(user, await issuer.tokenFor(user));
  }
  caseCore = new RpcServer({
    nc: ctx.nc,
    names: ctx.names,
    service: 'case-core',
    logger: createLogger({ service: 'case-core', level: 'silent' }),
  });
  caseCore.handle(getCaseV1, (data) => {
    caseLookups.push(data.number);
    const inboxId = caseInboxes.get(data.number);
    if (!inboxId) throw new DomainError('CASE.NOT_FOUND', `No case ${data.number}`);
    return Promise.resolve({ ...exampleCase, number: data.number, inboxId });
  });
  main = await gateway(200);
});

afterEach(async () => {
  for (const stream of opened.splice(0)) stream.close();
  // Each test starts with every slot free.
  await expectEventually(() => expect(main.app.get(LiveHub).connections()).toBe(0));
});

afterAll(async () => {
  await main?.app.close();
  await caseCore?.close();
  await ctx?.close();
  await issuer?.close();
});

interface SseEvent {
  event: string;
  id: string;
  data: unknown;
}

interface LiveStream {
  status: number;
  contentType: string | null;
  events: SseEvent[];
  comments: string[];
  /** The error body when the stream was refused. */
  body: unknown;
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): void;
}

/** Opens GET /api/v1/live as the web client does: fetch with the bearer token, reading the body as it comes. */
async function connect(user: string | null, base = main.base): Promise<LiveStream> {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/v1/live`, {
    headers: user === null ? {} : { authorization: `Bearer ${tokens.get(user)}` },
    signal: abort.signal,
  });
  const stream: LiveStream = {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events: [],
    comments: [],
    body: undefined,
    ended: () => ended,
    close: () => abort.abort(),
  };
  let ended = false;
  if (response.status !== 200) {
    stream.body = await response.json();
    return stream;
  }
  opened.push(stream);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else fields.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trimStart());
          }
          if (fields.has('event')) {
            stream.events.push({
              event: fields.get('event')!,
              id: fields.get('id')!,
              data: JSON.parse(fields.get('data')!) as unknown,
            });
          }
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  return stream;
}

function callFor(agentUsername: string, callId: string): CallAnsweredV1Data {
  return {
    intakeId: crypto.randomUUID(),
    callId,
    aNumber: '+46701234567',
    bNumber: '+4687342000',
    answerGroup: 'Bygglov',
    queue: { name: 'kundtjanst', waitedSeconds: 42, position: 3 },
    agentUsername,
    answeredAt: new Date().toISOString(),
  };
}

async function publish(body: unknown): Promise<void> {
  await ctx.js.publish(ctx.names.subject(callAnsweredV1.subject), JSON.stringify(body));
}

async function publishCall(data: CallAnsweredV1Data) {
  const envelope = createEnvelope(callAnsweredV1, data, { actor: SYSTEM_ACTOR, correlationId: data.callId });
  await publish(envelope);
  return envelope;
}

async function invalidCount(): Promise<number> {
  const text = await (await fetch(`${main.base}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('events_consumed_total{') &&
        l.includes(`subject="${callAnsweredV1.subject}"`) &&
        l.includes('outcome="invalid"'),
    );
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

async function publishEvent<T extends z.ZodType>(contract: EventContract<T>, data: z.input<T>) {
  const envelope = createEnvelope(contract, data, { actor: SYSTEM_ACTOR, correlationId: 'live-test' });
  await ctx.js.publish(ctx.names.subject(contract.subject), JSON.stringify(envelope), { msgID: envelope.id });
  return envelope;
}

describe('GET /api/v1/live: notifications and case updates', () => {
  it('hands an in-app notification to its user, and one for an inbox to the inbox members', async () => {
    const [elin, anna, bertil] = [await connect('elin'), await connect('anna'), await connect('bertil')];
    const toElin = await publishEvent(inAppNotificationV1, inAppNotificationV1.example);
    const toCustomerService = await publishEvent(inAppNotificationV1, {
      ...inAppNotificationV1.example,
      notificationId: 'daily-report:r-1:inbox:kundtjanst',
      to: { kind: 'inbox', inboxId: 'kundtjanst' },
    });
    await expectEventually(() => {
      expect(elin.events).toEqual([{ event: 'notification', id: toElin.id, data: toElin.data }]);
      for (const member of [anna, bertil]) {
        expect(member.events).toEqual([
          { event: 'notification', id: toCustomerService.id, data: toCustomerService.data },
        ]);
      }
    });
  });

  it('tells the members of both inboxes of a distribution, and nobody else', async () => {
    const [elin, anna, david] = [await connect('elin'), await connect('anna'), await connect('david')];
    const sent = await publishEvent(caseDistributedV1, {
      ...caseDistributedV1.example,
      number: '2026-000601',
      fromInboxId: 'kundtjanst',
      toInboxId: 'stadsbyggnad',
      kind: 'work_group',
    });
    const expected = {
      event: 'case-distributed',
      id: sent.id,
      data: {
        caseId: sent.data.caseId,
        number: '2026-000601',
        version: sent.data.version,
        kind: 'work_group',
        fromInboxId: 'kundtjanst',
        toInboxId: 'stadsbyggnad',
        occurredAt: sent.occurredAt,
      },
    };
    await expectEventually(() => {
      expect(elin.events).toEqual([expected]);
      expect(anna.events).toEqual([expected]);
    });
    // david (administrator) is in no inbox group: case updates follow inbox membership, as the inbox lists do.
    await publishCall(callFor('david', 'c-after'));
    await expectEventually(() => expect(david.events.map((e) => e.event)).toEqual(['call-answered']));
  });

  it('tells the inbox of a case that the customer wrote, asking case-core once per case', async () => {
    caseInboxes.set('2026-000602', 'stadsbyggnad');
    const elin = await connect('elin');
    const reply = {
      ...entryAddedV1.example,
      number: '2026-000602',
      direction: 'inbound',
      kind: 'inbound_email',
    } as const;
    const first = await publishEvent(entryAddedV1, reply);
    await publishEvent(entryAddedV1, { ...reply, entryId: crypto.randomUUID() });
    await publishEvent(entryAddedV1, { ...reply, number: '2026-000603' });
    await expectEventually(() => expect(elin.events).toHaveLength(2));
    expect(elin.events[0]).toEqual({
      event: 'case-customer-replied',
      id: first.id,
      data: {
        caseId: reply.caseId,
        number: '2026-000602',
        inboxId: 'stadsbyggnad',
        entryId: reply.entryId,
        kind: 'inbound_email',
        occurredAt: first.occurredAt,
      },
    });
    await expectEventually(() => expect(caseLookups.filter((n) => n === '2026-000603')).toHaveLength(1));
    expect(caseLookups.filter((n) => n === '2026-000602')).toHaveLength(1);
  });
});

describe('GET /api/v1/live', () => {
  it('hands a call-answered event to the agent who answered, and to nobody else', async () => {
    const anna = await connect('anna');
    const bertil = await connect('bertil');
    expect([anna.status, bertil.status]).toEqual([200, 200]);
    expect(anna.contentType).toMatch(/^text\/event-stream/);

    const started = Date.now();
    const envelope = await publishCall(callFor('anna', 'c-1'));
    await expectEventually(() => expect(anna.events).toHaveLength(1), { timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(anna.events[0]).toEqual({ event: 'call-answered', id: envelope.id, data: envelope.data });

    // Events on one subscription arrive in order: once bertil has his own, anna's has long passed him by.
    await publishCall(callFor('bertil', 'c-2'));
    await expectEventually(() => expect(bertil.events).toHaveLength(1));
    expect(bertil.events.map((e) => (e.data as CallAnsweredV1Data).callId)).toEqual(['c-2']);
    expect(anna.events).toHaveLength(1);
  });

  it('sends every open stream of the agent the event (two tabs)', async () => {
    const first = await connect('anna');
    const second = await connect('anna');
    await publishCall(callFor('anna', 'c-3'));
    await expectEventually(() => {
      expect(first.events.map((e) => e.id)).toHaveLength(1);
      expect(second.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    });
  });

  it('drops and counts a payload that breaks the contract, and goes on delivering', async () => {
    const anna = await connect('anna');
    const before = await invalidCount();
    await publish({ not: 'an envelope' });
    const broken = createEnvelope(callAnsweredV1, callFor('anna', 'c-4'), { actor: SYSTEM_ACTOR, correlationId: 'x' });
    await publish({ ...broken, data: { ...broken.data, agentUsername: '' } });
    ctx.nc.publish(ctx.names.subject(callAnsweredV1.subject), 'not json at all');
    await expectEventually(async () => expect(await invalidCount()).toBe(before + 3));
    await publishCall(callFor('anna', 'c-5'));
    await expectEventually(() =>
      expect(anna.events.map((e) => (e.data as CallAnsweredV1Data).callId)).toEqual(['c-5']),
    );
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const anna = await connect('anna');
    await expectEventually(() => expect(anna.comments.filter((c) => c === '').length).toBeGreaterThanOrEqual(2));
  });

  it('limits streams per user (429) and in all (503); a disconnect frees the slot', async () => {
    const [a1, a2] = [await connect('anna'), await connect('anna')];
    expect([a1.status, a2.status]).toEqual([200, 200]);
    const third = await connect('anna');
    expect(third).toMatchObject({ status: 429, body: { code: 'REQUEST.RATE_LIMITED' } });

    a1.close();
    await expectEventually(async () => {
      const again = await connect('anna');
      expect(again.status).toBe(200);
    });

    // anna holds 2 now; 2 more fill the gateway's 4.
    expect((await connect('bertil')).status).toBe(200);
    expect((await connect('cecilia')).status).toBe(200);
    expect(await connect('david')).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
  });

  it('refuses a caller without a token (401) and a contractor (403)', async () => {
    expect(await connect(null)).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
    expect(await connect('fredrik')).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });

  it('ends every stream when the gateway shuts down, and the shutdown does not wait for clients', async () => {
    const other = await gateway();
    const anna = await connect('anna', other.base);
    expect(anna.status).toBe(200);
    const started = Date.now();
    await other.app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expectEventually(() => expect(anna.ended()).toBe(true));
  });
});
