import type { Client } from '@opensearch-project/opensearch';
import type { SearchArticlesRequest, SearchFilters, SearchHit, SearchResult } from '@arende/contracts';
import type { KnowledgeSearch, SearchDocument, SuggestRequest } from './knowledge-search.js';
import { type QueryWord, baseForms, queryWords, titleKey } from './search-query.js';

export interface OpenSearchOptions {
  /** The index (an alias works too). */
  index: string;
  /** Wait until a write is searchable before answering (tests); production leaves it to the refresh interval. */
  refresh: boolean;
  /** A folder and every folder below it (the folder tree lives in PostgreSQL). */
  descendants(folderId: string): Promise<string[]>;
}

interface Source {
  kind: SearchHit['kind'];
  title: string;
  summary: string;
  folderId: string | null;
}

interface SearchBody {
  hits: {
    hits: Array<{
      _id: string;
      _score: number | null;
      _source: Source;
      highlight?: Partial<Record<'title' | 'summary' | 'body', string[]>>;
    }>;
  };
  suggest?: Record<string, Array<{ text: string; options: Array<{ text: string }> }>>;
}

const TEXT_FIELDS = ['title^4', 'tags^4', 'summary^2', 'body'];
const SUGGEST_WORDS = 16;

/**
 * The production search back end: one OpenSearch index with a Swedish analyzer (stop words, the Swedish
 * stemmer) and, at search time, the city's synonyms. Kept in step from knowledge's published/unpublished
 * events (see handlers/opensearch-index.handler.ts); writes carry the article version as an external
 * version, so a late or repeated event never overwrites a newer version. Query semantics follow the
 * PostgreSQL back end (test/medium/search-contract.ts holds both to the same behaviour).
 */
export class OpenSearchSearch implements KnowledgeSearch {
  private synonyms: string[][] = [];

  constructor(
    private readonly client: Client,
    private readonly options: OpenSearchOptions,
  ) {}

  /** Creates the index if it is missing, else brings its synonyms up to date. */
  async ensureIndex(synonyms: string[][]): Promise<void> {
    this.synonyms = synonyms;
    const exists = await this.request('HEAD', `/${this.options.index}`, undefined, [404]);
    if (exists.statusCode === 404) {
      await this.request('PUT', `/${this.options.index}`, { settings: indexSettings(synonyms), mappings: MAPPINGS });
    } else {
      await this.synonymsChanged(synonyms);
    }
  }

  async index(document: SearchDocument): Promise<void> {
    // 409: the index holds this version or a newer one already.
    await this.request(
      'PUT',
      `/${this.options.index}/_doc/${encodeURIComponent(document.id)}`,
      {
        kind: document.kind,
        title: document.title,
        titleKey: titleKey(document.title),
        summary: document.summary,
        body: document.body,
        tags: document.tags,
        folderId: document.folderId,
        caseTypeIds: document.caseTypeIds,
        publishedAt: document.publishedAt.toISOString(),
      },
      [409],
      { version: document.version, version_type: 'external', ...this.refresh() },
    );
  }

  async remove(articleId: string): Promise<void> {
    await this.request('DELETE', `/${this.options.index}/_doc/${encodeURIComponent(articleId)}`, undefined, [404], {
      ...this.refresh(),
    });
  }

  /** Analyzer settings change only on a closed index: close, update, open (searches fail for that moment). */
  async synonymsChanged(groups: string[][]): Promise<void> {
    this.synonyms = groups;
    await this.request('POST', `/${this.options.index}/_close`);
    try {
      await this.request('PUT', `/${this.options.index}/_settings`, { analysis: indexSettings(groups).analysis });
    } finally {
      await this.request('POST', `/${this.options.index}/_open`, undefined, [], { wait_for_active_shards: 1 });
    }
  }

  async search(request: SearchArticlesRequest): Promise<SearchResult> {
    const words = queryWords(request.q);
    if (words.length === 0) return { items: [], expandedWith: [] };
    const key = titleKey(request.q);
    const query = {
      bool: {
        must: words.map((word) => wordClause(word)),
        should: [
          { term: { titleKey: { value: key, boost: 1000 } } },
          { prefix: { titleKey: { value: key, boost: 100 } } },
        ],
        filter: await this.filters(request),
      },
    };
    return await this.run(query, request.limit, words);
  }

  async suggest(request: SuggestRequest & { caseTypeId?: string }): Promise<SearchResult> {
    const words = queryWords(`${request.text} `, 200)
      .filter((w) => w.word.length >= 4)
      .slice(0, SUGGEST_WORDS)
      .map((w) => ({ word: w.word, prefix: w.word.length >= 6 }));
    const should: unknown[] = words.map((word) => wordClause(word));
    if (request.caseTypeId) should.push({ term: { caseTypeIds: { value: request.caseTypeId, boost: 1000 } } });
    if (should.length === 0) return { items: [], expandedWith: [] };
    return await this.run({ bool: { should, minimum_should_match: 1 } }, request.limit, words);
  }

  private async run(query: unknown, limit: number, words: QueryWord[]): Promise<SearchResult> {
    const response = await this.request('POST', `/${this.options.index}/_search`, {
      size: limit,
      query,
      _source: ['kind', 'title', 'summary', 'folderId'],
      highlight: {
        encoder: 'html',
        pre_tags: ['<mark>'],
        post_tags: ['</mark>'],
        fields: {
          title: { number_of_fragments: 0 },
          summary: { fragment_size: 150, number_of_fragments: 1 },
          body: { fragment_size: 150, number_of_fragments: 2 },
        },
      },
      // Spelling: for each typed word no article uses, the nearest words that articles do use.
      suggest: {
        text: words.map((w) => w.word).join(' '),
        title: { term: { field: 'title.plain', suggest_mode: 'missing', min_word_length: 4, size: 1 } },
        body: { term: { field: 'body.plain', suggest_mode: 'missing', min_word_length: 4, size: 1 } },
      },
    });
    const body = response.body as SearchBody;
    const typed = new Set(words.map((w) => w.word));
    const synonyms = this.synonyms.filter((group) => group.some((term) => typed.has(term))).flat();
    const corrections = [...(body.suggest?.title ?? []), ...(body.suggest?.body ?? [])].flatMap((entry) =>
      entry.options.map((option) => option.text),
    );
    return {
      items: body.hits.hits.map((hit) => {
        const source = hit._source;
        const fragments = [...(hit.highlight?.summary ?? []), ...(hit.highlight?.body ?? [])];
        return {
          id: hit._id,
          kind: source.kind,
          title: source.title,
          titleHighlight: hit.highlight?.title?.[0] ?? escapeHtml(source.title),
          summary: source.summary,
          snippet: fragments.length > 0 ? fragments.join(' … ') : escapeHtml(source.summary.slice(0, 200)),
          folderId: source.folderId,
          score: hit._score ?? 0,
        };
      }),
      expandedWith: [...new Set([...synonyms.filter((term) => !typed.has(term)), ...corrections])],
    };
  }

  private async filters(filters: SearchFilters): Promise<unknown[]> {
    const clauses: unknown[] = [];
    if (filters.kinds?.length) clauses.push({ terms: { kind: filters.kinds } });
    if (filters.folderId) clauses.push({ terms: { folderId: await this.options.descendants(filters.folderId) } });
    if (filters.caseTypeId) clauses.push({ term: { caseTypeIds: filters.caseTypeId } });
    return clauses;
  }

  private refresh(): Record<string, string> {
    return this.options.refresh ? { refresh: 'wait_for' } : {};
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    ignore: number[] = [],
    querystring: Record<string, unknown> = {},
  ) {
    return await this.client.transport.request(
      { method, path, ...(body === undefined ? {} : { body: body as Record<string, unknown> }), querystring },
      { ignore },
    );
  }
}

/**
 * One typed word: the word and its base forms (bygglovet → bygglov), each spelt loosely (fuzziness AUTO) and,
 * where the word may be a prefix, also as the start of a word (which finds compounds: bygglovsansökan).
 */
function wordClause(word: QueryWord): unknown {
  const should: unknown[] = [];
  for (const form of baseForms(word.word)) {
    should.push({ multi_match: { query: form, fields: TEXT_FIELDS, fuzziness: 'AUTO', prefix_length: 1 } });
    if (word.prefix) should.push({ multi_match: { query: form, fields: TEXT_FIELDS, type: 'phrase_prefix' } });
  }
  return { bool: { should, minimum_should_match: 1 } };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Analysis: Swedish stop words and stemmer; synonyms at search time only, so they change without reindexing. */
function indexSettings(synonyms: string[][]) {
  return {
    analysis: {
      filter: {
        sv_stop: { type: 'stop', stopwords: '_swedish_' },
        sv_stemmer: { type: 'stemmer', language: 'swedish' },
        sv_synonyms: {
          type: 'synonym_graph',
          // An empty list is not allowed; a word that never occurs keeps the filter valid.
          synonyms: synonyms.length > 0 ? synonyms.map((group) => group.join(', ')) : ['arendeingensynonym'],
        },
      },
      analyzer: {
        sv_index: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'sv_stop', 'sv_stemmer'] },
        sv_search: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['lowercase', 'sv_synonyms', 'sv_stop', 'sv_stemmer'],
        },
        sv_plain: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
      },
    },
  };
}

const swedishText = (plain = false) => ({
  type: 'text',
  analyzer: 'sv_index',
  search_analyzer: 'sv_search',
  ...(plain ? { fields: { plain: { type: 'text', analyzer: 'sv_plain' } } } : {}),
});

const MAPPINGS = {
  dynamic: 'strict',
  properties: {
    kind: { type: 'keyword' },
    title: swedishText(true),
    titleKey: { type: 'keyword' },
    summary: swedishText(),
    body: swedishText(true),
    tags: swedishText(),
    folderId: { type: 'keyword' },
    caseTypeIds: { type: 'keyword' },
    publishedAt: { type: 'date' },
  },
};
