import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArticleVersion, ArticleView, CaseView, Proposal, SearchResult, WebSource } from '@arende/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type Platform, startPlatform } from '../src/platform.js';
import { readStream } from '../src/streams.js';
import { Api, type ApiResponse } from './api.js';

// The knowledge base through the gateway, on the whole platform: an agent turns a case into a draft call
// script, an editor publishes it, agents find it as they type, rate it and propose changes; a page of the
// city's website (served by this test) is imported from its sitemap.
let platform: Platform;
let api: Api;
let website: http.Server;
let websiteUrl: string;

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  website = http.createServer((req, res) => {
    if (req.url === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
          `<url><loc>${websiteUrl}/fardtjanst</loc><lastmod>2026-11-20</lastmod></url></urlset>`,
      );
    } else if (req.url === '/fardtjanst') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><title>Färdtjänst</title><meta name="description" content="Resor för den som inte kan åka buss.">' +
          '</head><body><nav>Meny</nav><main><h1>Färdtjänst</h1><p>Ansök om färdtjänst hos kommunens handläggare.</p>' +
          '</main></body></html>',
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  websiteUrl = `http://127.0.0.1:${(website.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => website?.close(resolve));
  await platform?.stop();
});

function ok<T>(response: ApiResponse<T>, what: string): T {
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const search = async (q: string, as = 'anna') =>
  ok(await api.call<SearchResult>('GET', `/api/v1/knowledge/search?q=${encodeURIComponent(q)}`, { as }), 'search');

describe('knowledge base', () => {
  it('from a case to a published call script that agents find as they type, rate and improve', async () => {
    const kase = ok(
      await api.call<CaseView>('POST', '/api/v1/cases', { body: { title: 'Glas i soporna', channel: 'phone' } }),
      'case',
    );
    const draft = ok(
      await api.call<ArticleView>('POST', '/api/v1/knowledge/articles/from-case', {
        body: {
          number: kase.number,
          question: 'Var lämnar jag glasburkar?',
          answer: 'I glasigloon vid återvinningsstationen.',
          caseTypeId: 'atervinning',
        },
      }),
      'from case',
    );
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'call_script',
      links: [{ kind: 'case_type', targetId: 'atervinning' }],
    });
    expect((await search('glasigl')).items).toEqual([]);

    const publish = (as: string) =>
      api.call<ArticleView>('POST', `/api/v1/knowledge/articles/${draft.id}/publish`, {
        as,
        body: { version: draft.version },
      });
    expect((await publish('anna')).status).toBe(403);
    const published = ok(await publish('cecilia'), 'publish');

    // knowledge's own stream carries what it published (search back ends such as OpenSearch follow it).
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    try {
      const jsm = await jetstreamManager(nc);
      const deadline = Date.now() + 10_000;
      let subjects: string[] = [];
      while (!subjects.includes(`${platform.prefix}knowledge.evt.article-published.v1`) && Date.now() < deadline) {
        const stream = await readStream(jsm, `${platform.prefix.toUpperCase()}KNOWLEDGE`).catch(() => []);
        subjects = stream.filter((m) => (m.data as { id?: string }).id === draft.id).map((m) => m.subject);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(subjects).toEqual([
        `${platform.prefix}knowledge.evt.article-saved.v1`,
        `${platform.prefix}knowledge.evt.article-published.v1`,
      ]);
    } finally {
      await nc.close();
    }

    const [hit] = (await search('glasigl')).items;
    expect(hit).toMatchObject({ id: draft.id, title: 'Var lämnar jag glasburkar?' });
    expect(hit.snippet).toContain('<mark>glasigloon</mark>');

    ok(
      await api.call('POST', '/api/v1/knowledge/synonyms', {
        as: 'cecilia',
        body: { terms: ['glasigloon', 'glasbehållaren'] },
      }),
      'synonyms',
    );
    const viaSynonym = await search('glasbehållaren ');
    expect(viaSynonym.items.map((i) => i.id)).toEqual([draft.id]);
    expect(viaSynonym.expandedWith).toContain('glasigloon');

    const suggested = ok(
      await api.call<SearchResult>('POST', '/api/v1/knowledge/suggestions', {
        body: { title: 'Fråga om sortering', description: 'Kunden undrar över burkar.', caseTypeId: 'atervinning' },
      }),
      'suggestions',
    );
    expect(suggested.items[0]?.id).toBe(draft.id);

    ok(await api.call('PUT', `/api/v1/knowledge/articles/${draft.id}/rating`, { body: { stars: 5 } }), 'rate');
    ok(
      await api.call('PUT', `/api/v1/knowledge/articles/${draft.id}/rating`, { as: 'elin', body: { stars: 2 } }),
      'rate',
    );
    const forAgent = ok(await api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${draft.id}`), 'read');
    expect(forAgent).toMatchObject({ myRating: 5, rating: null });
    const forEditor = ok(
      await api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${draft.id}`, { as: 'cecilia' }),
      'read',
    );
    expect(forEditor.rating).toEqual({ average: 3.5, count: 2 });

    const proposal = ok(
      await api.call<Proposal>('POST', `/api/v1/knowledge/articles/${draft.id}/proposals`, {
        body: {
          version: published.version,
          changes: { body: '## Svar\n\nI glasigloon vid återvinningsstationen; lock och kapsyler i metallen.' },
          comment: 'Lock frågas ofta om',
        },
      }),
      'propose',
    );
    ok(
      await api.call('POST', `/api/v1/knowledge/proposals/${proposal.id}/accept`, { as: 'cecilia', body: {} }),
      'accept',
    );
    const history = ok(
      await api.call<{ items: ArticleVersion[] }>('GET', `/api/v1/knowledge/articles/${draft.id}/versions`),
      'versions',
    );
    expect(history.items[0]).toMatchObject({ source: 'proposal', proposalId: proposal.id });
    expect((await search('kapsyler ')).items.map((i) => i.id)).toEqual([draft.id]);

    const forType = ok(
      await api.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/knowledge/case-types/atervinning/articles'),
      'by case type',
    );
    expect(forType.items.map((i) => i.id)).toEqual([draft.id]);
  });

  it('keeps a page of the city’s website as an article, from its sitemap', async () => {
    const source = ok(
      await api.call<WebSource>('POST', '/api/v1/knowledge/web-sources', {
        as: 'david',
        body: { sitemapUrl: `${websiteUrl}/sitemap.xml`, refreshMinutes: 60 },
      }),
      'web source',
    );
    const refreshed = ok(
      await api.call<WebSource>('POST', `/api/v1/knowledge/web-sources/${source.id}/refresh`, { as: 'david' }),
      'refresh',
    );
    expect(refreshed.lastResult).toMatchObject({ pages: 1, failed: [] });
    const [page] = (await search('färdtjänst')).items;
    expect(page).toMatchObject({ title: 'Färdtjänst', summary: 'Resor för den som inte kan åka buss.' });
    const article = ok(await api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${page.id}`), 'read');
    expect(article).toMatchObject({ status: 'published', sourceUrl: `${websiteUrl}/fardtjanst` });
    expect(article.body).toContain('Ansök om färdtjänst hos kommunens handläggare.');
  });
});
