import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { type Actor, exampleStaffPerson, getStaffV1, saveStaffV1, searchDirectoryV1 } from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's directory routes, with a stand-in for routing that records what reached it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
const received: Array<{ subject: string; data: unknown; actor: Actor }> = [];

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing-stub', logger });
  stub
    .handle(searchDirectoryV1, (data, { actor }) => {
      received.push({ subject: searchDirectoryV1.subject, data, actor });
      return Promise.resolve({ items: [] });
    })
    .handle(getStaffV1, (data, { actor }) => {
      received.push({ subject: getStaffV1.subject, data, actor });
      return Promise.resolve({ person: exampleStaffPerson, departmentName: 'Stadsbyggnad', unitName: null });
    })
    .handle(saveStaffV1, (data, { actor }) => {
      received.push({ subject: saveStaffV1.subject, data, actor });
      return Promise.resolve({ ...exampleStaffPerson, ...data, id: data.id ?? exampleStaffPerson.id });
    });
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
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

const NEW_PERSON = { name: 'Karin Öberg', departmentId: 'stadsbyggnad', skills: ['bygglov'] };

describe('directory routes', () => {
  it('send a search on as typed, with the limit as a number and the filters', async () => {
    const token = await issuer.tokenFor('elin');
    const response = await call('GET', '/api/v1/directory?q=%C3%96berg%20bygg&limit=5&inboxId=stadsbyggnad', token);
    expect(response).toMatchObject({ status: 200, body: { items: [] } });
    expect(received.at(-1)).toMatchObject({
      subject: searchDirectoryV1.subject,
      data: { q: 'Öberg bygg', limit: 5, inboxId: 'stadsbyggnad' },
      actor: { roles: expect.arrayContaining(['officer']) as unknown },
    });
    await call('GET', '/api/v1/directory?q=an', token);
    expect(received.at(-1)?.data).toEqual({ q: 'an', limit: 20 });
  });

  it('refuse a missing query, a limit over 50 and a bad id with REQUEST.INVALID, before anything is sent on', async () => {
    const token = await issuer.tokenFor('anna');
    const before = received.length;
    for (const path of ['/api/v1/directory', '/api/v1/directory?q=an&limit=51', '/api/v1/directory/inte%20ok']) {
      expect(await call('GET', path, token)).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    }
    expect(
      await call('POST', '/api/v1/directory', await issuer.tokenFor('david'), { name: 'Utan förvaltning' }),
    ).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(received.length).toBe(before);
  });

  it('read one person for every case worker', async () => {
    const response = await call('GET', `/api/v1/directory/${exampleStaffPerson.id}`, await issuer.tokenFor('anna'));
    expect(response).toMatchObject({ status: 200, body: { person: { name: 'Karin Öberg' } } });
    expect(received.at(-1)).toMatchObject({ subject: getStaffV1.subject, data: { id: exampleStaffPerson.id } });
  });

  it('let only administrators add and change people', async () => {
    for (const user of ['anna', 'cecilia', 'elin']) {
      const token = await issuer.tokenFor(user);
      expect(await call('POST', '/api/v1/directory', token, NEW_PERSON)).toMatchObject({ status: 403 });
      expect(await call('PUT', '/api/v1/directory/karin', token, { ...NEW_PERSON, version: 1 })).toMatchObject({
        status: 403,
      });
    }
    const admin = await issuer.tokenFor('david');
    const created = await call('POST', '/api/v1/directory', admin, NEW_PERSON);
    expect(created).toMatchObject({ status: 201, location: `/api/v1/directory/${exampleStaffPerson.id}` });
    expect(received.at(-1)?.data).not.toHaveProperty('id');
    expect(await call('PUT', '/api/v1/directory/karin', admin, { ...NEW_PERSON, version: 3 })).toMatchObject({
      status: 200,
    });
    expect(received.at(-1)?.data).toMatchObject({ id: 'karin', version: 3, name: 'Karin Öberg' });
  });

  it('are in the OpenAPI document', async () => {
    const { body } = await call('GET', '/api/openapi.json');
    expect(Object.keys(body.paths as Record<string, unknown>)).toEqual(
      expect.arrayContaining(['/api/v1/directory', '/api/v1/directory/{staffId}']),
    );
  });
});
