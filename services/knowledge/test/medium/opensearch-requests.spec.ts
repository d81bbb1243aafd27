import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@opensearch-project/opensearch';
import { OpenSearchSearch } from '../../src/search/opensearch-search.js';

// There is no OpenSearch on this machine: this checks only what the back end sends, against a stand-in that
// answers like OpenSearch's REST API. What the index then does is for search-contract.ts with OPENSEARCH_URL.
interface Seen {
  method: string;
  path: string;
  body: unknown;
}
const seen: Seen[] = [];
let indexExists = false;
let server: http.Server;
let search: OpenSearchSearch;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
      });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-opensearch-version': '2.17.0' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'HEAD') return json(indexExists ? 200 : 404, {});
      if (req.url?.includes('/_search')) {
        return json(200, {
          hits: {
            hits: [
              {
                _id: 'a1',
                _score: 3.5,
                _source: { kind: 'checklist', title: 'Plogning', summary: 'Om plogning', folderId: null },
                highlight: { title: ['<mark>Plogning</mark>'], body: ['vi <mark>plogar</mark> gator'] },
              },
            ],
          },
          suggest: { title: [{ text: 'plognig', options: [{ text: 'plogning' }] }], body: [] },
        });
      }
      return json(200, { acknowledged: true, result: 'created' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const node = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  search = new OpenSearchSearch(new Client({ node }), {
    index: 'kb',
    refresh: true,
    descendants: (folderId) => Promise.resolve([folderId, 'child-folder']),
  });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe(OpenSearchSearch.name, () => {
  it('creates a missing index with the Swedish analyzers and the synonyms, else replaces its synonyms', async () => {
    seen.length = 0;
    await search.ensureIndex([['snöröjning', 'plogning']]);
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual(['HEAD /kb', 'PUT /kb']);
    expect(seen[1].body).toMatchObject({
      settings: {
        analysis: {
          filter: { sv_synonyms: { type: 'synonym_graph', synonyms: ['snöröjning, plogning'] } },
          analyzer: { sv_search: { filter: ['lowercase', 'sv_synonyms', 'sv_stop', 'sv_stemmer'] } },
        },
      },
      mappings: { properties: { titleKey: { type: 'keyword' }, caseTypeIds: { type: 'keyword' } } },
    });
    indexExists = true;
    seen.length = 0;
    await search.ensureIndex([]);
    expect(seen.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([
      'HEAD /kb',
      'POST /kb/_close',
      'PUT /kb/_settings',
      'POST /kb/_open',
    ]);
  });

  it('writes a document with its version as an external version, and deletes by id', async () => {
    seen.length = 0;
    await search.index({
      id: 'a1',
      version: 7,
      kind: 'checklist',
      title: 'Plogning av gator',
      summary: '',
      body: 'Vi plogar.',
      tags: [],
      folderId: null,
      caseTypeIds: ['snorojning'],
      publishedAt: new Date('2026-11-23T10:00:00Z'),
    });
    await search.remove('a1');
    expect(seen[0]).toMatchObject({
      method: 'PUT',
      body: { titleKey: 'plogning av gator', caseTypeIds: ['snorojning'] },
    });
    const query = new URL(seen[0].path, 'http://x').searchParams;
    expect([query.get('version'), query.get('version_type'), query.get('refresh')]).toEqual([
      '7',
      'external',
      'wait_for',
    ]);
    expect(seen[1]).toMatchObject({ method: 'DELETE' });
    expect(seen[1].path.split('?')[0]).toBe('/kb/_doc/a1');
  });

  it('searches with every word required, exact titles boosted, filters and highlights, and maps the hits', async () => {
    seen.length = 0;
    const result = await search.search({ q: 'plognig gat', limit: 5, kinds: ['checklist'], folderId: 'f1' });
    const body = seen[0].body as {
      size: number;
      query: { bool: { must: unknown[]; should: unknown[]; filter: unknown[] } };
      highlight: { encoder: string };
    };
    expect(body.size).toBe(5);
    expect(body.query.bool.must).toHaveLength(2);
    expect(body.query.bool.should).toContainEqual({ term: { titleKey: { value: 'plognig gat', boost: 1000 } } });
    expect(body.query.bool.filter).toEqual([
      { terms: { kind: ['checklist'] } },
      { terms: { folderId: ['f1', 'child-folder'] } },
    ]);
    expect(body.highlight.encoder).toBe('html');
    expect(result).toEqual({
      items: [
        {
          id: 'a1',
          kind: 'checklist',
          title: 'Plogning',
          titleHighlight: '<mark>Plogning</mark>',
          summary: 'Om plogning',
          snippet: 'vi <mark>plogar</mark> gator',
          folderId: null,
          score: 3.5,
        },
      ],
      expandedWith: ['plogning'],
    });
  });
});
