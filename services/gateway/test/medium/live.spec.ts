import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTokenVerifier } from '@arende/auth';
import { type CallAnsweredV1Data, SYSTEM_ACTOR, callAnsweredV1 } from '@arende/contracts';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcClient, createEnvelope, ensureStreams } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { type TestContext, createTestContext, expectEventually } from '@arende/testing';
import { startGateway } from '../../src/boot.js';
import { LiveHub } from '../../src/live/live-hub.js';

// The live stream of a real gateway, fed by events published to JetStream on the test's prefix.
let issuer: LocalIssuer;
let ctx: TestContext;
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
  await ensureStreams(ctx.jsm, ctx.names, ['intake']);
  for (const user of ['anna', 'bertil', 'cecilia', 'david', 'fredrik']) tokens.set(user, await issuer.tokenFor(user));
  main = await gateway(200);
});

afterEach(async () => {
  for (const stream of opened.splice(0)) stream.close();
  // Each test starts with every slot free.
  await expectEventually(() => expect(main.app.get(LiveHub).connections()).toBe(0));
});

afterAll(async () => {
  await main?.app.close();
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
