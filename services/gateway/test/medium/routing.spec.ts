import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import {
  type Actor,
  type ArticleSummary,
  DomainError,
  type Inbox,
  type ReferenceItem,
  type Template,
  TemplateFieldsSchema,
  exampleInbox,
  getInboxV1,
  getTemplateV1,
  listInboxV1,
  listInboxesV1,
  listLinkedArticlesV1,
  listReferencesV1,
  listTemplatesV1,
  saveInboxV1,
  saveReferenceV1,
  saveTemplateV1,
  searchTemplatesV1,
} from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's routing routes, with a stand-in for routing (and case-core's inbox listing) that records what reached it.
let issuer: LocalIssuer;
let ctx: TestContext;
let app: NestFastifyApplication;
let stub: RpcServer;
let base: string;
const received: Array<{ subject: string; data: unknown; actor: Actor }> = [];

const NOW = '2026-12-01T09:00:00.000Z';
const template: Template = {
  ...TemplateFieldsSchema.parse({ title: 'Snöröjning' }),
  id: 'snorojning',
  version: 1,
  updatedAt: NOW,
};
const reference: ReferenceItem = {
  kind: 'area',
  id: 'norr',
  name: 'Norr',
  description: '',
  instruction: '',
  orgLevel: null,
  parentId: null,
  active: true,
  version: 1,
  updatedAt: NOW,
};
const caseType = (id: string, name: string): ReferenceItem => ({ ...reference, kind: 'case-type', id, name });
const bygglov = caseType('bygglov', 'Bygglov');
const snorojning = caseType('snorojning', 'Snöröjning');
const linkedArticle: ArticleSummary = {
  id: '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  kind: 'call_script',
  status: 'published',
  title: 'Bygglov: vad som behövs',
  summary: 'Vilka handlingar en ansökan om bygglov ska ha.',
  folderId: null,
  updatedAt: NOW,
};

beforeAll(async () => {
  issuer = await startLocalIssuer();
  ctx = await createTestContext({ service: 'gateway', schema: 'gateway', entities: [], migrations: [] });
  const logger = createLogger({ service: 'gateway', level: 'silent' });
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing-stub', logger });
  const record = (subject: string, data: unknown, actor: Actor) => received.push({ subject, data, actor });
  stub
    .handle(listInboxesV1, (data, { actor }) => {
      record(listInboxesV1.subject, data, actor);
      return Promise.resolve({ items: [exampleInbox] });
    })
    .handle(getInboxV1, (data, { actor }) => {
      record(getInboxV1.subject, data, actor);
      if (data.id !== exampleInbox.id) throw new DomainError('ROUTING.NOT_FOUND', `No inbox ${data.id}`);
      return Promise.resolve(exampleInbox);
    })
    .handle(saveInboxV1, (data, { actor }) => {
      record(saveInboxV1.subject, data, actor);
      if (data.orgUnitId === 'finns-inte') {
        throw new DomainError('ROUTING.REFERENCE_UNKNOWN', 'Unknown org-unit finns-inte', {
          references: [{ field: 'orgUnitId', kind: 'org-unit', id: 'finns-inte' }],
        });
      }
      const saved: Inbox = { ...data, id: data.id ?? 'ny-inkorg', version: (data.version ?? 0) + 1, updatedAt: NOW };
      return Promise.resolve(saved);
    })
    .handle(listInboxV1, (data, { actor }) => {
      record(listInboxV1.subject, data, actor);
      return Promise.resolve({ items: [], nextCursor: null, total: 0 });
    })
    .handle(listTemplatesV1, (data, { actor }) => {
      record(listTemplatesV1.subject, data, actor);
      return Promise.resolve({ items: [template] });
    })
    .handle(getTemplateV1, (data, { actor }) => {
      record(getTemplateV1.subject, data, actor);
      return Promise.resolve(template);
    })
    .handle(saveTemplateV1, (data, { actor }) => {
      record(saveTemplateV1.subject, data, actor);
      return Promise.resolve({ ...template, ...data, id: data.id ?? 'ny-mall', version: (data.version ?? 0) + 1 });
    })
    .handle(searchTemplatesV1, (data, { actor }) => {
      record(searchTemplatesV1.subject, data, actor);
      return Promise.resolve({ caseTypes: data.q === 'bygg' ? [bygglov, snorojning] : [], templates: [template] });
    })
    .handle(listLinkedArticlesV1, (data, { actor }) => {
      record(listLinkedArticlesV1.subject, data, actor);
      if (data.targetId === 'snorojning') throw new DomainError('INTERNAL', 'knowledge is unwell');
      return Promise.resolve({ items: [linkedArticle] });
    })
    .handle(listReferencesV1, (data, { actor }) => {
      record(listReferencesV1.subject, data, actor);
      return Promise.resolve({ items: [reference] });
    })
    .handle(saveReferenceV1, (data, { actor }) => {
      record(saveReferenceV1.subject, data, actor);
      return Promise.resolve({ ...reference, ...data, id: data.id ?? 'nytt', version: (data.version ?? 0) + 1 });
    });
  ({ app, base } = await startStubbedGateway(ctx, issuer));
});

afterAll(async () => {
  await stub?.close();
  await app?.close();
  await ctx?.close();
  await issuer?.close();
});

async function call(method: string, path: string, user?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await issuer.tokenFor(user)}`;
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
const newInbox = { name: 'Parkering', kind: 'work_group', group: '/inbox/parkering' };

describe('inbox routes', () => {
  it('list the inboxes of the caller’s own /inbox groups, and every inbox for supervisors and admins', async () => {
    expect(await call('GET', '/api/v1/inboxes', 'anna')).toMatchObject({
      status: 200,
      body: { items: [exampleInbox] },
    });
    expect(last(listInboxesV1.subject)?.data).toEqual({ includeInactive: false, groups: ['/inbox/kundtjanst'] });
    await call('GET', '/api/v1/inboxes?includeInactive=true', 'elin');
    expect(last(listInboxesV1.subject)?.data).toEqual({ includeInactive: true, groups: ['/inbox/stadsbyggnad'] });
    for (const overseer of ['cecilia', 'david']) {
      await call('GET', '/api/v1/inboxes', overseer);
      expect(last(listInboxesV1.subject)?.data).toEqual({ includeInactive: false });
    }
    expect(await call('GET', '/api/v1/inboxes', 'rut')).toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN' },
    });
    expect(await call('GET', '/api/v1/inboxes?includeInactive=ja', 'anna')).toMatchObject({ status: 400 });
  });

  it('list every active inbox to a case worker choosing where to distribute (targets=true)', async () => {
    await call('GET', '/api/v1/inboxes?targets=true&includeInactive=true', 'anna');
    expect(last(listInboxesV1.subject)?.data).toEqual({ includeInactive: false });
    expect(await call('GET', '/api/v1/inboxes?targets=ja', 'anna')).toMatchObject({ status: 400 });
  });

  it('read one inbox, with routing’s 404 for an unknown one, and still list an inbox’s cases', async () => {
    expect(await call('GET', '/api/v1/inboxes/snorojning-ab', 'anna')).toMatchObject({
      status: 200,
      body: exampleInbox,
    });
    expect(await call('GET', '/api/v1/inboxes/saknas', 'anna')).toMatchObject({
      status: 404,
      body: { code: 'ROUTING.NOT_FOUND' },
    });
    expect(await call('GET', '/api/v1/inboxes/kundtjanst/cases?limit=5', 'anna')).toMatchObject({ status: 200 });
    expect(last(listInboxV1.subject)?.data).toMatchObject({ inboxId: 'kundtjanst', limit: 5 });
  });

  it('let administrators alone create and change inboxes, the id of a change taken from the path', async () => {
    for (const user of ['anna', 'cecilia', 'elin']) {
      expect(await call('POST', '/api/v1/inboxes', user, newInbox)).toMatchObject({ status: 403 });
      expect(await call('PUT', '/api/v1/inboxes/parkering', user, { ...newInbox, version: 1 })).toMatchObject({
        status: 403,
      });
    }
    const created = await call('POST', '/api/v1/inboxes', 'david', { ...newInbox, id: 'parkering' });
    expect(created).toMatchObject({ status: 201, location: '/api/v1/inboxes/parkering', body: { version: 1 } });
    expect(last(saveInboxV1.subject)).toMatchObject({
      data: { ...newInbox, id: 'parkering', assignmentMode: 'pick_own' },
      actor: { roles: expect.arrayContaining(['admin']) as unknown },
    });
    const changed = await call('PUT', '/api/v1/inboxes/parkering', 'david', {
      ...newInbox,
      id: 'annan',
      name: 'Parkering och trafik',
      version: 1,
    });
    expect(changed).toMatchObject({ status: 200, body: { id: 'parkering', version: 2 } });
    expect(last(saveInboxV1.subject)?.data).toMatchObject({ id: 'parkering', version: 1 });
  });

  it('refuse bad input before it reaches routing, and pass routing’s 422 on', async () => {
    const before = received.length;
    expect(await call('POST', '/api/v1/inboxes', 'david', { ...newInbox, kind: 'team' })).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await call('PUT', '/api/v1/inboxes/parkering', 'david', newInbox)).toMatchObject({ status: 400 });
    expect(await call('PUT', '/api/v1/inboxes/Ogiltigt%20id', 'david', { ...newInbox, version: 1 })).toMatchObject({
      status: 400,
    });
    expect(received.length).toBe(before);
    expect(await call('POST', '/api/v1/inboxes', 'david', { ...newInbox, orgUnitId: 'finns-inte' })).toMatchObject({
      status: 422,
      body: { code: 'ROUTING.REFERENCE_UNKNOWN', details: { references: [{ field: 'orgUnitId' }] } },
    });
  });
});

describe('template routes', () => {
  it('let case workers list, read and search templates for quick registration', async () => {
    for (const user of ['anna', 'elin']) {
      expect(await call('GET', '/api/v1/templates', user)).toMatchObject({ status: 200, body: { items: [template] } });
    }
    expect(await call('GET', '/api/v1/templates/snorojning', 'anna')).toMatchObject({ status: 200, body: template });
    expect(last(getTemplateV1.subject)?.data).toEqual({ id: 'snorojning' });
    const found = await call('GET', '/api/v1/templates/search?q=sn%C3%B6r%C3%B6j&limit=5', 'anna');
    expect(found).toMatchObject({ status: 200, body: { templates: [template] } });
    expect(last(searchTemplatesV1.subject)?.data).toEqual({ q: 'snöröj', limit: 5 });
    expect(await call('GET', '/api/v1/templates/search', 'anna')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await call('GET', '/api/v1/templates/search?q=x&limit=500', 'anna')).toMatchObject({ status: 400 });
  });

  it('give each case type found its linked knowledge articles, and the rest when the knowledge base fails for one', async () => {
    const found = await call('GET', '/api/v1/templates/search?q=bygg', 'anna');
    expect(found).toMatchObject({
      status: 200,
      body: {
        caseTypes: [{ id: 'bygglov' }, { id: 'snorojning' }],
        articles: { bygglov: [{ id: linkedArticle.id, title: linkedArticle.title }] },
        articlesUnavailable: true,
      },
    });
    expect(Object.keys((found.body as { articles: object }).articles)).toEqual(['bygglov']);
    expect(received.filter((r) => r.subject === listLinkedArticlesV1.subject).map((r) => r.data)).toEqual([
      { kind: 'case_type', targetId: 'bygglov', includeDrafts: false },
      { kind: 'case_type', targetId: 'snorojning', includeDrafts: false },
    ]);
    const none = await call('GET', '/api/v1/templates/search?q=sn%C3%B6', 'anna');
    expect(none).toMatchObject({ status: 200, body: { articles: {}, articlesUnavailable: false } });
  });

  it('let administrators alone create and change templates', async () => {
    expect(await call('POST', '/api/v1/templates', 'anna', { title: 'Ny' })).toMatchObject({ status: 403 });
    expect(await call('PUT', '/api/v1/templates/ny', 'cecilia', { title: 'Ny', version: 1 })).toMatchObject({
      status: 403,
    });
    const created = await call('POST', '/api/v1/templates', 'david', { title: 'Ny mall' });
    expect(created).toMatchObject({ status: 201, location: '/api/v1/templates/ny-mall' });
    expect(await call('PUT', '/api/v1/templates/ny-mall', 'david', { title: 'Ny', version: 1 })).toMatchObject({
      status: 200,
      body: { id: 'ny-mall', version: 2 },
    });
    expect(await call('PUT', '/api/v1/templates/ny-mall', 'david', { title: 'Ny' })).toMatchObject({ status: 400 });
  });
});

describe('reference data routes', () => {
  it('list one kind for case workers and refuse an unknown kind', async () => {
    expect(await call('GET', '/api/v1/reference-data/area?includeInactive=true', 'elin')).toMatchObject({
      status: 200,
      body: { items: [reference] },
    });
    expect(last(listReferencesV1.subject)?.data).toEqual({ kind: 'area', includeInactive: true });
    expect(await call('GET', '/api/v1/reference-data/stadsdel', 'anna')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
  });

  it('let administrators alone create and change items, the kind and id taken from the path', async () => {
    expect(await call('POST', '/api/v1/reference-data/area', 'cecilia', { name: 'Syd' })).toMatchObject({
      status: 403,
    });
    const created = await call('POST', '/api/v1/reference-data/area', 'david', { id: 'syd', name: 'Syd' });
    expect(created).toMatchObject({ status: 201, location: '/api/v1/reference-data/area/syd' });
    expect(last(saveReferenceV1.subject)?.data).toMatchObject({ kind: 'area', id: 'syd', name: 'Syd' });
    const changed = await call('PUT', '/api/v1/reference-data/area/syd', 'david', {
      kind: 'category',
      name: 'Södra Solna',
      version: 1,
    });
    expect(changed).toMatchObject({ status: 200, body: { kind: 'area', id: 'syd', version: 2 } });
  });
});

it('documents the routing routes in the OpenAPI document', async () => {
  const { status, body } = await call('GET', '/api/openapi.json');
  expect(status).toBe(200);
  expect(Object.keys(body.paths as Record<string, unknown>)).toEqual(
    expect.arrayContaining([
      '/api/v1/inboxes',
      '/api/v1/inboxes/{inboxId}',
      '/api/v1/inboxes/{inboxId}/cases',
      '/api/v1/templates',
      '/api/v1/templates/search',
      '/api/v1/templates/{templateId}',
      '/api/v1/reference-data/{referenceKind}',
      '/api/v1/reference-data/{referenceKind}/{referenceId}',
    ]),
  );
});
