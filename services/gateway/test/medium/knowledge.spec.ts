import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type LocalIssuer, startLocalIssuer } from '@arende/local-issuer';
import { RpcServer } from '@arende/messaging';
import { createLogger } from '@arende/observability';
import { type TestContext, createTestContext } from '@arende/testing';
import { type Actor, searchArticlesV1 } from '@arende/contracts';
import { startStubbedGateway } from './stubbed-gateway.js';

// The gateway's knowledge routes, with a stand-in for the knowledge service that records what reached it.
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
  stub = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'knowledge-stub', logger });
  stub.handle(searchArticlesV1, (data, { actor }) => {
    received.push({ subject: searchArticlesV1.subject, data, actor });
    return Promise.resolve({ items: [], expandedWith: [] });
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
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ARTICLE = '01935c50-0a1b-7c2d-8e3f-4a5b6c7d8e9f';

describe('knowledge routes', () => {
  it('sends a search on as the typed query, the kinds as a list and the limit as a number', async () => {
    const token = await issuer.tokenFor('anna');
    const response = await call(
      'GET',
      '/api/v1/knowledge/search?q=sn%C3%B6r%C3%B6j&kinds=checklist,call_script&limit=5',
      token,
    );
    expect(response).toMatchObject({ status: 200, body: { items: [], expandedWith: [] } });
    expect(received.at(-1)).toMatchObject({
      data: { q: 'snöröj', kinds: ['checklist', 'call_script'], limit: 5 },
      actor: { id: expect.any(String) as unknown, roles: expect.arrayContaining(['agent']) as unknown },
    });
  });

  it('refuses an unknown kind and a missing query with REQUEST.INVALID, before anything is sent on', async () => {
    const token = await issuer.tokenFor('anna');
    const before = received.length;
    expect(await call('GET', '/api/v1/knowledge/search?q=x&kinds=faq', token)).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await call('GET', '/api/v1/knowledge/search', token)).toMatchObject({ status: 400 });
    expect(await call('GET', '/api/v1/knowledge/articles/not-a-uuid', token)).toMatchObject({ status: 400 });
    expect(received.length).toBe(before);
  });

  it('lets only editors publish, link and decide proposals', async () => {
    const agent = await issuer.tokenFor('anna');
    const supervisor = await issuer.tokenFor('cecilia');
    for (const [method, path] of [
      ['POST', `/api/v1/knowledge/articles/${ARTICLE}/publish`],
      ['PUT', `/api/v1/knowledge/articles/${ARTICLE}/links/case_type/bygglov`],
      ['POST', `/api/v1/knowledge/proposals/${ARTICLE}/accept`],
      ['POST', '/api/v1/knowledge/synonyms'],
    ]) {
      expect(await call(method, path, agent, { version: 1 })).toMatchObject({
        status: 403,
        body: { code: 'AUTH.FORBIDDEN' },
      });
    }
    // An editor passes the gateway; no knowledge service answers the publish subject here.
    expect(
      await call('POST', `/api/v1/knowledge/articles/${ARTICLE}/publish`, supervisor, { version: 1 }),
    ).toMatchObject({ status: 503, body: { code: 'SERVICE.UNAVAILABLE' } });
  });

  it('documents the knowledge routes in the OpenAPI document', async () => {
    const { status, body } = await call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    const paths = Object.keys(body.paths as Record<string, unknown>).filter((p) => p.startsWith('/api/v1/knowledge'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/knowledge/search',
        '/api/v1/knowledge/articles/{articleId}',
        '/api/v1/knowledge/folders',
      ]),
    );
  });
});
