import { useEffect, useId, useRef, useState } from 'react';
import type { ArticleView } from '@arende/contracts';
import { errorText } from '../error-text';
import { useI18n } from '../i18n';
import { useSession } from '../session';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * A knowledge article in a side panel beside the case: its text, the agent's rating (1–5) and a proposal of a
 * change to its text for the editors. Esc or the close button closes it and gives the focus back.
 */
export function ArticlePanel({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [article, setArticle] = useState<ArticleView | undefined>();
  const [proposing, setProposing] = useState(false);
  const [body, setBody] = useState('');
  const [comment, setComment] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/knowledge/articles/${encodeURIComponent(articleId)}`;

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<ArticleView>(path, abort.signal)
      .then((found) => {
        setArticle(found);
        setBody(found.body);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, path]);

  useEffect(() => {
    if (article !== undefined) heading.current?.focus();
  }, [article?.id]);

  // Esc closes the panel wherever the focus is (a sent form leaves it nowhere), unless a dialog is open.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      setNotice(await action());
      setError(undefined);
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  const rate = (stars: number) =>
    run(async () => {
      const state = await api.send<{ myRating: number }>('PUT', `${path}/rating`, { stars });
      setArticle((shown) => (shown === undefined ? shown : { ...shown, myRating: state.myRating }));
      return t('knowledge.rated', { stars: state.myRating });
    });

  const propose = () =>
    run(async () => {
      if (article === undefined) return '';
      await api.send('POST', `${path}/proposals`, {
        version: article.version,
        changes: { body },
        comment,
      });
      setProposing(false);
      setComment('');
      return t('knowledge.proposed');
    });

  return (
    <aside className="knowledge-article" aria-labelledby={`${ids}-title`}>
      <div className="knowledge-article-head">
        <h2 id={`${ids}-title`} ref={heading} tabIndex={-1}>
          {article?.title ?? t('knowledge.article')}
        </h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          {t('knowledge.closeArticle')}
        </button>
      </div>
      {article === undefined ? (
        error === undefined && <p>{t('app.loading')}</p>
      ) : (
        <>
          <p className="knowledge-hit-kind">{t(`knowledge.kind.${article.kind}`)}</p>
          {article.summary !== '' && <p className="knowledge-summary">{article.summary}</p>}
          <div className="knowledge-body">{article.body}</div>
          {article.sourceUrl !== null && <p className="hint">{t('knowledge.source', { url: article.sourceUrl })}</p>}
          <div role="group" aria-labelledby={`${ids}-rate`} className="knowledge-rating">
            <span id={`${ids}-rate`}>{t('knowledge.rate')}</span>
            {STARS.map((stars) => (
              <button
                key={stars}
                type="button"
                aria-pressed={article.myRating === stars}
                aria-label={t('knowledge.stars', { stars })}
                disabled={busy || article.status !== 'published'}
                onClick={() => void rate(stars)}
              >
                {'★'.repeat(stars)}
              </button>
            ))}
          </div>
          {!proposing ? (
            <button type="button" onClick={() => setProposing(true)} disabled={article.sourceUrl !== null}>
              {t('knowledge.propose')}
            </button>
          ) : (
            <form
              className="knowledge-form"
              onSubmit={(event) => {
                event.preventDefault();
                void propose();
              }}
            >
              <label>
                {t('knowledge.proposeBody')}
                <textarea rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
              </label>
              <label>
                {t('knowledge.proposeComment')}
                <input required value={comment} onChange={(e) => setComment(e.target.value)} />
              </label>
              <div className="actions">
                <button type="submit" className="primary" disabled={busy || comment.trim() === ''}>
                  {t('knowledge.proposeSend')}
                </button>
                <button type="button" onClick={() => setProposing(false)}>
                  {t('knowledge.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      <div role="status" className="notice-line">
        {notice}
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
    </aside>
  );
}
