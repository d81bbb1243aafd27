import { useEffect, useId, useRef, useState } from 'react';
import type { CaseView, SearchResult } from '@arende/contracts';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ArticlePanel } from './ArticlePanel';
import { CallScriptFromCase } from './CallScriptFromCase';
import { highlightParts } from './highlight';
import { errorText } from '../error-text';

/** How long typing pauses before the search runs. */
const DEBOUNCE_MS = 200;
/** The longest query the search takes (a case title may be longer). */
const MAX_QUERY = 200;

function Highlighted({ html }: { html: string }) {
  return <>{highlightParts(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/**
 * The knowledge base beside a case: search as you type (from the case's title to begin with), an article
 * opened in a side panel to read, rate and propose a change to, and a draft call script made from the case.
 */
export function KnowledgePanel({
  caseView,
  summoned = 0,
}: {
  caseView: CaseView;
  /** Counts the presses of the knowledge tab's shortcut (Alt+H): each puts the focus in the search. */
  summoned?: number;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(caseView.title);
  const [result, setResult] = useState<SearchResult | undefined>();
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const q = query.trim().slice(0, MAX_QUERY);
    if (q === '') {
      setResult(undefined);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      api
        .get<SearchResult>(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}&limit=10`, abort.signal)
        .then((found) => {
          setResult(found);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setError(errorText(language, e));
        })
        .finally(() => {
          if (!abort.signal.aborted) setSearching(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query]);

  useEffect(() => {
    if (summoned === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [summoned]);

  const closeArticle = () => {
    setOpenId(undefined);
    opener.current?.focus();
  };

  return (
    <section aria-labelledby={`${ids}-title`} className="panel knowledge-panel">
      <h2 id={`${ids}-title`}>{t('knowledge.title')}</h2>
      <div role="search">
        <label htmlFor={`${ids}-q`}>{t('knowledge.search')}</label>
        <input
          id={`${ids}-q`}
          ref={input}
          type="search"
          value={query}
          aria-keyshortcuts="Alt+H"
          aria-controls={`${ids}-hits`}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <p role="status" className="notice-line">
        {searching
          ? t('knowledge.searching')
          : result === undefined
            ? ''
            : result.items.length === 0
              ? t('knowledge.noHits')
              : result.items.length === 1
                ? t('knowledge.hit')
                : t('knowledge.hits', { count: result.items.length })}
        {result !== undefined && result.expandedWith.length > 0
          ? ` · ${t('knowledge.expanded', { words: result.expandedWith.join(', ') })}`
          : ''}
      </p>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      <ul id={`${ids}-hits`} className="knowledge-hits" aria-label={t('knowledge.results')}>
        {result?.items.map((hit) => (
          <li key={hit.id}>
            <button
              type="button"
              className="knowledge-hit"
              aria-expanded={openId === hit.id}
              onClick={(event) => {
                opener.current = event.currentTarget;
                setOpenId(hit.id);
              }}
            >
              <span className="knowledge-hit-title">
                <Highlighted html={hit.titleHighlight} />
              </span>
              <span className="knowledge-hit-kind">{t(`knowledge.kind.${hit.kind}`)}</span>
            </button>
            {hit.snippet !== '' && (
              <p className="knowledge-snippet">
                <Highlighted html={hit.snippet} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <CallScriptFromCase caseView={caseView} />
      {openId !== undefined && <ArticlePanel key={openId} articleId={openId} onClose={closeArticle} />}
    </section>
  );
}
