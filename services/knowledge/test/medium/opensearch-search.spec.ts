import { randomUUID } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { OpenSearchSearch } from '../../src/search/opensearch-search.js';
import { type SearchContractHarness, searchContract } from './search-contract.js';

// The same contract as the PostgreSQL back end, against a real OpenSearch when OPENSEARCH_URL names one
// (e.g. http://127.0.0.1:9200). Each run uses an index of its own and deletes it afterwards.
const url = process.env.OPENSEARCH_URL;

if (url === undefined || url === '') {
  process.stdout.write('search contract on OpenSearch skipped: OPENSEARCH_URL is not set\n');
  describe.skip('search contract: OpenSearch (skipped: OPENSEARCH_URL is not set)', () => {
    it('runs when OPENSEARCH_URL is set', () => undefined);
  });
} else {
  const client = new Client({ node: url });
  const index = `knowledge-test-${randomUUID()}`;
  const parents = new Map<string, string | null>();
  const descendants = (folderId: string): Promise<string[]> => {
    const below = (id: string): string[] => [
      id,
      ...[...parents].filter(([, parent]) => parent === id).flatMap(([child]) => below(child)),
    ];
    return Promise.resolve(below(folderId));
  };
  const search = new OpenSearchSearch(client, { index, refresh: true, descendants });
  const harness: SearchContractHarness = {
    search,
    publish: async (article) => {
      const id = randomUUID();
      await search.index({
        id,
        version: 1,
        kind: article.kind ?? 'information',
        title: article.title,
        summary: article.summary ?? '',
        body: article.body ?? '',
        tags: article.tags ?? [],
        folderId: article.folderId ?? null,
        caseTypeIds: article.caseTypeIds ?? [],
        publishedAt: new Date(),
      });
      return id;
    },
    withdraw: (id) => search.remove(id),
    folder: (parentId) => {
      const id = randomUUID();
      parents.set(id, parentId);
      return Promise.resolve(id);
    },
    synonyms: (groups) => search.synonymsChanged(groups),
  };

  beforeAll(async () => {
    await search.ensureIndex([]);
  });

  afterAll(async () => {
    await client.transport.request({ method: 'DELETE', path: `/${index}` }, { ignore: [404] });
    await client.close();
  });

  searchContract('OpenSearch', () => harness);
}
