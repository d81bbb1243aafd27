import type { DataSource, EntityManager } from 'typeorm';
import type { SearchArticlesRequest, SearchFilters, SearchHit, SearchResult } from '@arende/contracts';
import type { KnowledgeSearch, SearchDocument, SuggestRequest } from './knowledge-search.js';
import {
  type QueryWord,
  type WordAlternatives,
  baseForms,
  queryWords,
  termsOf,
  titleKey,
  tsqueryText,
} from './search-query.js';

/*
 * Bounds on the work per query, so that a word in half of 20,000 articles costs no more than a rare one. A
 * match's whole-text vector is large and stored out of line; reading it for every match is what makes a
 * plain ts_rank slow. So only a pool of candidates is ranked on it: titles equal to or starting with the
 * query (through the title index), the best head matches (title, tags, summary: a small vector kept in the
 * row) among the first HEAD_SCAN of them, and the first BODY_POOL matches anywhere. For a frequent word, which
 * body-only matches are considered is therefore arbitrary; head and title matches always are.
 */
/** Titles equal to or starting with the query. */
export const TITLE_POOL = 50;
/** Head matches read and scored on the head vector. */
export const HEAD_SCAN = 3000;
/** Best head matches kept for the full ranking. */
export const HEAD_POOL = 150;
/** Matches anywhere kept for the full ranking, in index order. */
export const BODY_POOL = 100;
/** Compounds ending in a word (its head in Swedish: bygglovsansökan is an ansökan) tried per word of 5+ letters. */
const COMPOUNDS_PER_WORD = 8;
/** Spelling corrections tried per unknown word. */
const CORRECTIONS_PER_WORD = 3;
/** A case's title and description give at most this many words to suggest from. */
const SUGGEST_WORDS = 16;

const HEADLINE_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=" … "';

interface HitRow {
  id: string;
  kind: SearchHit['kind'];
  title: string;
  title_highlight: string;
  summary: string;
  snippet: string;
  folder_id: string | null;
  score: number;
}

interface ExpansionRow {
  i: number;
  synonyms: string[];
  corrections: string[];
  compounds: string[];
}

interface RunOptions {
  join: '&' | '|';
  limit: number;
  /** Normalised query text: a title equal to it ranks first, one starting with it next. */
  exactTitle: string | null;
  filters: SearchFilters;
  /** Suggestions: articles linked to this case type come first, matching or not. */
  boostCaseTypeId?: string;
  /** Look up spelling corrections for unknown words. */
  correct: boolean;
}

/** The embedded search back end: PostgreSQL full-text search (`swedish`) with pg_trgm for spelling. */
export class PostgresSearch implements KnowledgeSearch {
  private trgmSchema: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async index(document: SearchDocument, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const s = this.schema;
    await manager.query(
      `INSERT INTO "${s}".article_search
         (article_id, version, kind, folder_id, title, title_key, published_at, head_vector, search_vector)
       SELECT $1, $2, $3, $4, $5, $6, $7, h.v, h.v || setweight(to_tsvector('swedish', $10), 'D')
       FROM (SELECT setweight(to_tsvector('swedish', $5), 'A') || setweight(to_tsvector('swedish', $8), 'A')
                    || setweight(to_tsvector('swedish', $9), 'B') AS v) h
       ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, kind = EXCLUDED.kind,
         folder_id = EXCLUDED.folder_id, title = EXCLUDED.title, title_key = EXCLUDED.title_key,
         published_at = EXCLUDED.published_at, head_vector = EXCLUDED.head_vector,
         search_vector = EXCLUDED.search_vector`,
      [
        document.id,
        document.version,
        document.kind,
        document.folderId,
        document.title,
        titleKey(document.title),
        document.publishedAt,
        document.tags.join(' '),
        document.summary,
        document.body,
      ],
    );
    // Sorted, so that two articles published at once take the same locks in the same order.
    const terms = termsOf(document.title, document.tags.join(' '), document.summary, document.body).sort();
    await manager.query(
      `INSERT INTO "${s}".search_term (term) SELECT unnest($1::text[]) ON CONFLICT (term) DO NOTHING`,
      [terms],
    );
  }

  async remove(articleId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM "${this.schema}".article_search WHERE article_id = $1`, [articleId]);
  }

  /** Synonyms live in this schema's table, which the query expansion reads; nothing to do. */
  async synonymsChanged(): Promise<void> {}

  async search(request: SearchArticlesRequest): Promise<SearchResult> {
    const words = queryWords(request.q);
    return await this.run(words, {
      join: '&',
      limit: request.limit,
      exactTitle: titleKey(request.q),
      filters: request,
      correct: true,
    });
  }

  async suggest(request: SuggestRequest & { caseTypeId?: string }): Promise<SearchResult> {
    const words = queryWords(`${request.text} `, 200)
      .filter((w) => w.word.length >= 4)
      .slice(0, SUGGEST_WORDS)
      .map((w) => ({ word: w.word, prefix: w.word.length >= 6 }));
    return await this.run(words, {
      join: '|',
      limit: request.limit,
      exactTitle: null,
      filters: {},
      boostCaseTypeId: request.caseTypeId,
      correct: false,
    });
  }

  private async run(words: QueryWord[], options: RunOptions): Promise<SearchResult> {
    if (words.length === 0 && !options.boostCaseTypeId) return { items: [], expandedWith: [] };
    const alternatives = await this.expand(words, options.correct);
    const expandedWith = [...new Set(alternatives.flatMap((a) => [...a.synonyms, ...a.corrections]))];
    const query = words.length > 0 ? tsqueryText(alternatives, options.join) : '';
    const s = this.schema;
    const params: unknown[] = [query, options.exactTitle ?? '', options.limit];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (options.filters.kinds?.length) where.push(`s.kind = ANY(${param(options.filters.kinds)}::text[])`);
    if (options.filters.folderId) {
      where.push(`s.folder_id IN (WITH RECURSIVE sub AS (
          SELECT id FROM "${s}".folder WHERE id = ${param(options.filters.folderId)}::uuid
          UNION ALL SELECT f.id FROM "${s}".folder f JOIN sub ON f.parent_id = sub.id)
        SELECT id FROM sub)`);
    }
    if (options.filters.caseTypeId) {
      where.push(`EXISTS (SELECT 1 FROM "${s}".article_link l WHERE l.article_id = s.article_id
        AND l.kind = 'case_type' AND l.target_id = ${param(options.filters.caseTypeId)})`);
    }
    const filter = where.map((w) => ` AND ${w}`).join('');
    const parts: string[] = [];
    if (query !== '') {
      if (options.exactTitle) {
        // Titles equal to the query, or starting with it, through the title index: never crowded out.
        parts.push(`SELECT s.article_id, CASE WHEN s.title_key = $2 THEN 100 ELSE 10 END::real AS bonus,
            ts_rank(s.head_vector, q.query) AS head_rank, s.published_at
          FROM "${s}".article_search s, q
          WHERE s.title_key LIKE $2 || '%' AND s.search_vector @@ q.query${filter}
          ORDER BY bonus DESC, s.published_at DESC LIMIT ${TITLE_POOL}`);
      }
      // Matches in title, tags or summary: the relevant ones, scored on the small head vector.
      parts.push(`SELECT h.article_id, 0::real AS bonus, ts_rank(h.head_vector, q.query) AS head_rank, h.published_at
        FROM (SELECT s.article_id, s.head_vector, s.published_at FROM "${s}".article_search s, q
              WHERE s.head_vector @@ q.query${filter} LIMIT ${HEAD_SCAN}) h, q
        ORDER BY head_rank DESC, h.published_at DESC LIMIT ${HEAD_POOL}`);
      // Matches anywhere, the body included, as they come from the index.
      parts.push(`SELECT s.article_id, 0::real AS bonus, 0::real AS head_rank, s.published_at
        FROM "${s}".article_search s, q WHERE s.search_vector @@ q.query${filter} LIMIT ${BODY_POOL}`);
    }
    if (options.boostCaseTypeId) {
      parts.push(`SELECT s.article_id, 1000::real AS bonus, 0::real AS head_rank, s.published_at
        FROM "${s}".article_link l JOIN "${s}".article_search s ON s.article_id = l.article_id
        WHERE l.kind = 'case_type' AND l.target_id = ${param(options.boostCaseTypeId)}${filter}
        ORDER BY s.published_at DESC LIMIT ${HEAD_POOL}`);
    }
    const sql = `
      WITH q AS (SELECT to_tsquery('swedish', $1::text) AS query, $2::text AS exact_title),
      pool AS (
        SELECT article_id, max(bonus) AS bonus, max(published_at) AS published_at
        FROM (${parts.map((part) => `(${part})`).join(' UNION ALL ')}) candidates GROUP BY article_id),
      ranked AS (
        SELECT p.article_id, p.published_at,
          p.bonus + CASE WHEN numnode(q.query) = 0 THEN 0 ELSE ts_rank(s.search_vector, q.query, 1) END AS score
        FROM pool p JOIN "${s}".article_search s ON s.article_id = p.article_id, q
        ORDER BY score DESC, p.published_at DESC, p.article_id
        LIMIT $3)
      SELECT a.id, a.kind, a.title, a.summary, a.folder_id, r.score,
        ts_headline('swedish', ${escapeHtml('a.title')}, q.query,
          'HighlightAll=true, StartSel=<mark>, StopSel=</mark>') AS title_highlight,
        ts_headline('swedish', ${escapeHtml(`${stripMarkdown('a.summary')} || E'\\n' || ${stripMarkdown('a.body')}`)},
          q.query, '${HEADLINE_OPTIONS}') AS snippet
      FROM ranked r JOIN "${s}".article a ON a.id = r.article_id, q
      ORDER BY r.score DESC, r.published_at DESC, r.article_id`;
    const rows = await this.dataSource.transaction(async (manager) => {
      // The GIN index answers "which articles match" without reading their vectors; a sequential scan would
      // read (and decompress) every vector. For a frequent word the planner cannot see that difference.
      await manager.query('SET LOCAL enable_seqscan = off');
      return await manager.query<HitRow[]>(sql, params);
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: row.title,
        titleHighlight: row.title_highlight,
        summary: row.summary,
        snippet: row.snippet,
        folderId: row.folder_id,
        score: Number(row.score),
      })),
      expandedWith,
    };
  }

  /**
   * One round trip: each word's synonyms; spelling corrections for words no article uses; and the known
   * compounds that end in a word (Swedish puts the head last), found through the trigram index.
   */
  private async expand(words: QueryWord[], correct: boolean): Promise<WordAlternatives[]> {
    if (words.length === 0) return [];
    const trgm = await this.trgm();
    const s = this.schema;
    const input = words.map((w, i) => ({
      i,
      word: w.word,
      forms: baseForms(w.word),
      prefix: w.prefix,
      fuzzy: correct,
    }));
    const rows = await this.dataSource.query<ExpansionRow[]>(
      `SELECT w.i,
         (SELECT coalesce(array_agg(DISTINCT t ORDER BY t), '{}') FROM "${s}".synonym_group g, unnest(g.terms) t
          WHERE g.terms && w.forms AND t <> ALL (w.forms)) AS synonyms,
         CASE WHEN w.fuzzy AND length(w.word) >= 4 AND NOT EXISTS (
             SELECT 1 FROM "${s}".search_term st WHERE st.term = ANY (w.forms)
               OR (w.prefix AND st.term LIKE w.word || '%'))
           THEN (SELECT coalesce(array_agg(c.term), '{}') FROM (
             SELECT st.term FROM "${s}".search_term st WHERE st.term OPERATOR("${trgm}".%) w.word
             ORDER BY "${trgm}".similarity(st.term, w.word) DESC, st.term LIMIT ${CORRECTIONS_PER_WORD}) c)
           ELSE '{}' END AS corrections,
         CASE WHEN length(w.word) >= 5
           THEN (SELECT coalesce(array_agg(c.term), '{}') FROM (
             SELECT st.term FROM "${s}".search_term st
             WHERE st.term LIKE '%' || w.word || CASE WHEN w.prefix THEN '%' ELSE '' END
               AND length(st.term) >= length(w.word) + 3
             ORDER BY length(st.term), st.term LIMIT ${COMPOUNDS_PER_WORD}) c)
           ELSE '{}' END AS compounds
       FROM jsonb_to_recordset($1::jsonb) AS w(i int, word text, forms text[], prefix boolean, fuzzy boolean)
       ORDER BY w.i`,
      [JSON.stringify(input)],
    );
    return rows.map((row) => ({
      word: words[row.i],
      synonyms: row.synonyms,
      corrections: row.corrections,
      compounds: row.compounds,
    }));
  }

  private trgm(): Promise<string> {
    this.trgmSchema ??= this.dataSource
      .query<Array<{ schema: string }>>(
        `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         WHERE e.extname = 'pg_trgm'`,
      )
      .then((rows) => {
        if (!rows[0]) throw new Error('pg_trgm is not installed: run the knowledge migrations');
        return rows[0].schema;
      });
    return this.trgmSchema;
  }
}

/** SQL that HTML-escapes a text expression, so that the only markup in a headline is its <mark>. */
function escapeHtml(expression: string): string {
  return `replace(replace(replace(${expression}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}

/** SQL that blanks out Markdown punctuation (headings, emphasis, list and checkbox marks) for a snippet. */
function stripMarkdown(expression: string): string {
  return `regexp_replace(${expression}, '[#*_\`>|\\[\\]]+', ' ', 'g')`;
}
