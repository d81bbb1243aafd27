import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@arende/config';
import { ensureStreams, RpcClient } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { expectEventually, factory, readStream } from '@arende/testing';
import { createArticleV1, publishArticleV1, searchArticlesV1 } from '@arende/contracts';
import { startKnowledge } from '../../src/boot.js';
import { knowledgeConfig } from '../../src/config.js';
import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';

let ctx: KnowledgeTestContext;
let app: INestApplicationContext;
let rpc: RpcClient;

beforeAll(async () => {
  ctx = await createKnowledgeTestContext();
  await ensureStreams(ctx.jsm, ctx.names, ['knowledge']);
  const config = loadConfig(knowledgeConfig, { NATS_PREFIX: ctx.prefix });
  app = await startKnowledge({
    config,
    dataSource: ctx.dataSource,
    nc: ctx.nc,
    js: ctx.js,
    names: ctx.names,
    logger: createLogger({ service: 'knowledge', level: 'silent' }),
    metrics: createMetrics('knowledge'),
  });
  rpc = new RpcClient({ nc: ctx.nc, names: ctx.names });
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('knowledge over NATS', () => {
  it('creates, publishes and finds an article, and relays its events to the knowledge stream', async () => {
    const agent = { actor: factory.actor({ id: 'nats-agent' }), correlationId: factory.correlationId() };
    const editor = { actor: factory.actor({ roles: ['supervisor'] }), correlationId: factory.correlationId() };
    const draft = await rpc.request(createArticleV1, { kind: 'information', title: 'Simhallens öppettider' }, agent);
    await expect(rpc.request(publishArticleV1, { id: draft.id, version: 1 }, agent)).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    await rpc.request(publishArticleV1, { id: draft.id, version: 1 }, editor);
    const result = await rpc.request(searchArticlesV1, { q: 'simhall' }, agent);
    expect(result.items.map((hit) => hit.id)).toEqual([draft.id]);
    await expectEventually(async () => {
      const stored = await readStream(ctx.js, ctx.jsm, ctx.names.stream('knowledge'));
      expect(stored.map((m) => m.subject)).toEqual([
        ctx.names.subject('knowledge.evt.article-saved.v1'),
        ctx.names.subject('knowledge.evt.article-published.v1'),
      ]);
    });
  });
});
