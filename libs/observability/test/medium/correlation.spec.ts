import { EventEmitter, once } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  CORRELATION_HEADER,
  correlation,
  correlationHook,
  correlationIdFrom,
  createLogger,
  isValidCorrelationId,
  newCorrelationId,
} from '../../src/index.js';
import { LineCapture } from './capture.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlation', () => {
  it('has no id outside run', () => {
    expect(correlation.id()).toBeUndefined();
  });

  it('keeps the id across await boundaries, timers and emitters', async () => {
    const seen = await correlation.run('corr-1', async () => {
      const ids: (string | undefined)[] = [correlation.id()];
      await Promise.resolve();
      ids.push(correlation.id());
      await nextTurn();
      ids.push(correlation.id());
      const emitter = new EventEmitter();
      const fired = once(emitter, 'go');
      setImmediate(() => emitter.emit('go'));
      await fired;
      ids.push(correlation.id());
      return ids;
    });
    expect(seen).toEqual(['corr-1', 'corr-1', 'corr-1', 'corr-1']);
    expect(correlation.id()).toBeUndefined();
  });

  it('keeps interleaved runs apart', async () => {
    const task = (id: string) =>
      correlation.run(id, async () => {
        await nextTurn();
        const first = correlation.id();
        await nextTurn();
        return [first, correlation.id()];
      });
    await expect(Promise.all([task('a'), task('b')])).resolves.toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  it('makes new ids that are distinct UUIDs', () => {
    const a = newCorrelationId();
    const b = newCorrelationId();
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('accepts visible ASCII up to 200 characters from outside, and nothing else', () => {
    expect(isValidCorrelationId('abc-123_X.y:z/=')).toBe(true);
    expect(isValidCorrelationId('x'.repeat(200))).toBe(true);
    expect(isValidCorrelationId('x'.repeat(201))).toBe(false);
    expect(isValidCorrelationId('')).toBe(false);
    expect(isValidCorrelationId('has space')).toBe(false);
    expect(isValidCorrelationId('line\nbreak')).toBe(false);
    expect(isValidCorrelationId('ärende')).toBe(false);
    expect(isValidCorrelationId(42)).toBe(false);
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
    expect(correlationIdFrom(undefined)).toMatch(UUID);
    expect(correlationIdFrom('bad id')).toMatch(UUID);
  });
});

describe('createLogger', () => {
  it('writes the correlation id and service on lines logged inside a run, after awaits', async () => {
    const capture = new LineCapture();
    const logger = createLogger({ service: 'test-svc', destination: capture });
    logger.info('outside');
    await correlation.run('corr-log', async () => {
      await nextTurn();
      logger.info({ caseId: 'c1' }, 'inside');
    });
    const [outside, inside] = capture.records();
    expect(outside).toMatchObject({ service: 'test-svc', msg: 'outside', level: 30 });
    expect(outside).not.toHaveProperty('correlationId');
    expect(inside).toMatchObject({ service: 'test-svc', msg: 'inside', caseId: 'c1', correlationId: 'corr-log' });
  });

  it('does not carry fields of one line over to the next', () => {
    const capture = new LineCapture();
    const logger = createLogger({ service: 'test-svc', destination: capture });
    logger.info({ caseId: 'c1' }, 'first');
    correlation.run('corr-2', () => logger.info({ inboxId: 'i1' }, 'second'));
    logger.info('third');
    const [, second, third] = capture.records();
    expect(second).not.toHaveProperty('caseId');
    expect(third).not.toHaveProperty('caseId');
    expect(third).not.toHaveProperty('inboxId');
    expect(third).not.toHaveProperty('correlationId');
  });

  it('redacts keys that must never be logged, also nested', () => {
    const capture = new LineCapture();
    const logger = createLogger({ service: 'test-svc', destination: capture });
    logger.info(
      {
        personalIdentityNumber: '191212121212',
        customer: { personal_identity_number: '191212121212', name: 'Tolvan' },
        req: { headers: { authorization: 'Bearer secret-token' } },
        password: 'hunter2',
        token: 'jwt',
        mail: { body: 'Hej', text: 'Hej', html: '<p>Hej</p>' },
      },
      'sensitive',
    );
    const line = capture.lines[0];
    for (const secret of ['191212121212', 'secret-token', 'hunter2', 'jwt', 'Hej']) {
      expect(line).not.toContain(secret);
    }
    expect(capture.records()[0]).toMatchObject({
      personalIdentityNumber: '[redacted]',
      customer: { personal_identity_number: '[redacted]', name: 'Tolvan' },
      req: { headers: { authorization: '[redacted]' } },
      mail: { body: '[redacted]' },
    });
  });

  it('logs at info by default, takes LOG_LEVEL, and an explicit level over it', () => {
    const previous = process.env.LOG_LEVEL;
    try {
      delete process.env.LOG_LEVEL;
      expect(createLogger({ service: 's', destination: new LineCapture() }).level).toBe('info');
      process.env.LOG_LEVEL = 'warn';
      expect(createLogger({ service: 's', destination: new LineCapture() }).level).toBe('warn');
      expect(createLogger({ service: 's', level: 'debug', destination: new LineCapture() }).level).toBe('debug');
    } finally {
      if (previous === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = previous;
    }
    const capture = new LineCapture();
    const logger = createLogger({ service: 's', level: 'info', destination: capture });
    logger.debug('hidden');
    logger.warn('shown');
    expect(capture.records().map((r) => r.msg)).toEqual(['shown']);
  });

  it('writes human-readable lines when pretty, still redacted and with the correlation id', () => {
    const capture = new LineCapture();
    const logger = createLogger({ service: 'test-svc', pretty: true, destination: capture });
    correlation.run('corr-pretty', () => logger.info({ password: 'hunter2' }, 'Pretty line'));
    const output = capture.lines.join('\n');
    expect(output).toContain('Pretty line');
    expect(output).toContain('corr-pretty');
    expect(output).not.toContain('hunter2');
    expect(() => JSON.parse(capture.lines[0]) as unknown).toThrow();
  });
});

describe('correlationHook on fastify', () => {
  let app: FastifyInstance;
  let port: number;
  const capture = new LineCapture();
  const logger = createLogger({ service: 'test-http', destination: capture });
  let bodyReadStarted: () => void = () => undefined;

  beforeAll(async () => {
    app = Fastify();
    app.addHook('onRequest', correlationHook);
    app.addHook('preParsing', (_request, _reply, payload, done) => {
      bodyReadStarted();
      done(null, payload);
    });
    app.get('/id', async () => {
      await nextTurn();
      logger.info('Handled');
      return { id: correlation.id() ?? null };
    });
    app.post('/id', async (req) => {
      await nextTurn();
      return { id: correlation.id() ?? null, received: req.body };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app.close();
  });

  it('uses a valid incoming id, echoes it, and has it in the handler and its log line', async () => {
    capture.lines.length = 0;
    const response = await fetch(`http://127.0.0.1:${port}/id`, { headers: { [CORRELATION_HEADER]: 'from-client-1' } });
    expect(response.headers.get(CORRELATION_HEADER)).toBe('from-client-1');
    await expect(response.json()).resolves.toEqual({ id: 'from-client-1' });
    expect(capture.records()).toEqual([expect.objectContaining({ msg: 'Handled', correlationId: 'from-client-1' })]);
  });

  it.each([
    ['missing', undefined],
    ['too long', 'x'.repeat(201)],
    ['not printable ASCII', 'has space'],
  ])('replaces a %s id with a new UUID', async (_case, incoming) => {
    const response = await fetch(`http://127.0.0.1:${port}/id`, {
      headers: incoming === undefined ? {} : { [CORRELATION_HEADER]: incoming },
    });
    const echoed = response.headers.get(CORRELATION_HEADER);
    expect(echoed).toMatch(UUID);
    await expect(response.json()).resolves.toEqual({ id: echoed });
  });

  it('keeps the context when the body arrives in several chunks', async () => {
    const bodyRead = new Promise<void>((resolve) => (bodyReadStarted = resolve));
    const answer = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/id',
          method: 'POST',
          headers: { 'content-type': 'application/json', [CORRELATION_HEADER]: 'chunked-1' },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.write('{"part":');
      // The second chunk goes out only once fastify has started reading the body.
      void bodyRead.then(() => req.end('"two"}'));
    });
    expect(JSON.parse(await answer)).toEqual({ id: 'chunked-1', received: { part: 'two' } });
  });
});
