import { randomBytes } from 'node:crypto';
import { DomainError } from '@arende/contracts';
import { correlation } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import { connectNats, MessagingNames, RpcClient, RpcServer } from '../src/index.js';
import { echoV1 } from './support/schema.js';
import type { NatsConnection } from '@nats-io/transport-node';

const actor = { kind: 'staff' as const, id: 'agent-1', roles: ['agent'] };
const errors: string[] = [];
const logger: StructuredLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (_fields, message) => errors.push(message),
};

describe('RPC', () => {
  let nc: NatsConnection;
  let server: RpcServer;
  let client: RpcClient;
  const names = new MessagingNames(`t${randomBytes(4).toString('hex')}_`);
  const seen: { correlationId: string | undefined; actorId: string; origin?: unknown }[] = [];
  let release: () => void = () => undefined;

  beforeAll(async () => {
    nc = await connectNats({ name: 'rpc-test' });
    server = new RpcServer({ nc, names, service: 'rpc-test', logger }).handle(echoV1, async (data, ctx) => {
      seen.push({ correlationId: correlation.id(), actorId: ctx.actor.id, origin: ctx.origin });
      switch (data.mode) {
        case 'echo':
          return { text: data.text };
        case 'fail':
          throw new DomainError('CASE.NOT_FOUND', 'No case 2026-000001', { number: '2026-000001' });
        case 'crash':
          throw new Error('database on fire');
        case 'slow':
          await new Promise<void>((resolve) => (release = resolve));
          return { text: 'late' };
        case 'huge':
          return { text: 'å'.repeat(nc.info?.max_payload ?? 1) };
      }
    });
    client = new RpcClient({ nc, names, timeoutMs: 2000 });
    await nc.flush();
  });

  afterAll(async () => {
    release();
    await server.stop();
    await nc.drain();
  });

  const meta = { actor, correlationId: 'corr-rpc-1' };

  it('round-trips a request and runs the handler inside the correlation id', async () => {
    await expect(client.request(echoV1, { text: 'hej' }, meta)).resolves.toEqual({ text: 'hej' });
    expect(seen.at(-1)).toEqual({ correlationId: 'corr-rpc-1', actorId: 'agent-1' });
  });

  it('passes the origin of the HTTP request through to the handler', async () => {
    const origin = { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (test)' };
    await client.request(echoV1, { text: 'från' }, { ...meta, origin });
    expect(seen.at(-1)?.origin).toEqual(origin);
    await client.request(echoV1, { text: 'utan' }, meta);
    expect(seen.at(-1)?.origin).toBeUndefined();
  });

  it('carries a DomainError code and details to the caller', async () => {
    const error = await client.request(echoV1, { text: 'x', mode: 'fail' }, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CASE.NOT_FOUND', details: { number: '2026-000001' } });
  });

  it('hides an unexpected error as INTERNAL and logs it', async () => {
    await expect(client.request(echoV1, { text: 'x', mode: 'crash' }, meta)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Internal error',
    });
    expect(errors).toContain('RPC handler failed');
  });

  it('rejects an invalid request with REQUEST.INVALID and field paths, on the client and on the server', async () => {
    await expect(client.request(echoV1, { text: '' }, meta)).rejects.toMatchObject({
      code: 'REQUEST.INVALID',
      details: { fields: [expect.objectContaining({ path: 'data.text' })] },
    });
    const raw = await nc.request(names.subject(echoV1.subject), JSON.stringify({ actor, data: { text: 1 } }));
    expect(raw.json<unknown>()).toEqual({
      ok: false,
      error: {
        code: 'REQUEST.INVALID',
        message: 'The request is not valid',
        details: {
          fields: expect.arrayContaining([
            expect.objectContaining({ path: 'correlationId' }),
            expect.objectContaining({ path: 'data.text' }),
          ]) as unknown,
        },
      },
    });
  });

  it('throws SERVICE.TIMEOUT when the reply does not come in time', async () => {
    await expect(
      client.request(echoV1, { text: 'x', mode: 'slow' }, { ...meta, timeoutMs: 100 }),
    ).rejects.toMatchObject({
      code: 'SERVICE.TIMEOUT',
    });
    release();
  });

  it('throws SERVICE.UNAVAILABLE when nobody serves the subject', async () => {
    const nobody = new RpcClient({ nc, names: new MessagingNames(`t${randomBytes(4).toString('hex')}_`) });
    await expect(nobody.request(echoV1, { text: 'x' }, meta)).rejects.toMatchObject({
      code: 'SERVICE.UNAVAILABLE',
      message: expect.stringMatching(/^Nobody serves/) as string,
    });
  });

  it('refuses a request larger than the server takes with REQUEST.TOO_LARGE, before sending it', async () => {
    const limit = nc.info?.max_payload ?? 0;
    expect(limit).toBeGreaterThan(0);
    const served = seen.length;
    await expect(client.request(echoV1, { text: 'å'.repeat(limit) }, meta)).rejects.toMatchObject({
      code: 'REQUEST.TOO_LARGE',
    });
    expect(seen.length).toBe(served);
  });

  it('answers INTERNAL when its reply would be larger than a message may carry', async () => {
    await expect(client.request(echoV1, { text: 'x', mode: 'huge' }, meta)).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(errors).toContain('RPC reply could not be sent');
  });
});
