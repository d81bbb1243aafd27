import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import {
  type Actor,
  type CalendarView,
  DomainError,
  getCalendarV1,
  listCalendarsV1,
  saveCalendarV1,
} from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's calendar routes, with a stand-in for the SLA watcher that records what reached it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
const received: Array<{ subject: string; data: unknown; actor: Actor }> = [];

const definition = { weeklyHours: { monday: [{ from: '08:00', to: '17:00' }] } };
const calendar: CalendarView = {
  id: 'kundtjanst',
  name: 'Kundtjänstens öppettider',
  definition,
  version: 1,
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: 'david',
};

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'sla-stub', logger });
  const record = (subject: string, data: unknown, actor: Actor) => received.push({ subject, data, actor });
  stub
    .handle(listCalendarsV1, (data, { actor }) => {
      record(listCalendarsV1.subject, data, actor);
      return Promise.resolve({ items: [calendar] });
    })
    .handle(getCalendarV1, (data, { actor }) => {
      record(getCalendarV1.subject, data, actor);
      if (data.id !== calendar.id) throw new DomainError('SLA.CALENDAR_NOT_FOUND', `There is no calendar ${data.id}`);
      return Promise.resolve(calendar);
    })
    .handle(saveCalendarV1, (data, { actor }) => {
      record(saveCalendarV1.subject, data, actor);
      return Promise.resolve({ ...calendar, ...data, version: (data.version ?? 0) + 1 });
    });
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, user: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${await issuer.tokenFor(user)}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const last = (subject: string) => received.filter((r) => r.subject === subject).at(-1);

describe('calendar routes', () => {
  it('let case workers list and read calendars, with the watcher’s 404 for an unknown one', async () => {
    expect(await call('GET', '/api/v1/calendars', 'anna')).toMatchObject({ status: 200, body: { items: [calendar] } });
    expect(await call('GET', '/api/v1/calendars/kundtjanst', 'elin')).toMatchObject({ status: 200, body: calendar });
    expect(last(getCalendarV1.subject)?.data).toEqual({ id: 'kundtjanst' });
    expect(await call('GET', '/api/v1/calendars/saknas', 'anna')).toMatchObject({
      status: 404,
      body: { code: 'SLA.CALENDAR_NOT_FOUND' },
    });
    expect(await call('GET', '/api/v1/calendars', 'rut')).toMatchObject({ status: 403 });
  });

  it('let administrators alone create and change calendars, the id of a change taken from the path', async () => {
    const body = { id: 'bygglov', name: 'Bygglovsenheten', definition };
    for (const user of ['anna', 'cecilia', 'elin']) {
      expect(await call('POST', '/api/v1/calendars', user, body)).toMatchObject({ status: 403 });
      expect(await call('PUT', '/api/v1/calendars/bygglov', user, { ...body, version: 1 })).toMatchObject({
        status: 403,
      });
    }
    expect(await call('POST', '/api/v1/calendars', 'david', body)).toMatchObject({
      status: 201,
      location: '/api/v1/calendars/bygglov',
      body: { id: 'bygglov', version: 1 },
    });
    expect(last(saveCalendarV1.subject)).toMatchObject({
      data: body,
      actor: { roles: expect.arrayContaining(['admin']) as unknown },
    });
    const changed = await call('PUT', '/api/v1/calendars/bygglov', 'david', { ...body, id: 'annan', version: 1 });
    expect(changed).toMatchObject({ status: 200, body: { id: 'bygglov', version: 2 } });
    expect(last(saveCalendarV1.subject)?.data).toEqual({ ...body, version: 1 });
  });

  it('refuse bad input before it reaches the watcher', async () => {
    const before = received.length;
    expect(await call('POST', '/api/v1/calendars', 'david', { name: 'Utan id', definition })).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await call('PUT', '/api/v1/calendars/bygglov', 'david', { name: 'Utan version', definition })).toMatchObject(
      { status: 400 },
    );
    expect(
      await call('PUT', '/api/v1/calendars/Ogiltigt%20id', 'david', { name: 'X', definition, version: 1 }),
    ).toMatchObject({ status: 400 });
    expect(received.length).toBe(before);
  });
});
