import { useCallback, useEffect, useState } from 'react';
import type { CaseView, Inbox } from '@arende/contracts';
import { errorText } from '../error-text';
import { useI18n } from '../i18n';
import { hrefOf, navigate } from '../router';
import { useSession } from '../session';

/**
 * "Take next" in a pick-next inbox (Alt+X): the inbox hands the agent its next case, which opens in the case card;
 * when nothing is left the agent is told so.
 */
export function TakeNext({ inbox }: { inbox: Inbox }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const take = useCallback(async () => {
    if (busy) return;
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      const answer = await api.send<{ case: CaseView | null }>(
        'POST',
        `/api/v1/inboxes/${encodeURIComponent(inbox.id)}/pick-next`,
      );
      if (answer.case === null) setMessage(t('inboxView.nothingLeft', { inbox: inbox.name }));
      else navigate(hrefOf({ page: 'case', number: answer.case.number }));
    } catch (e: unknown) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  }, [api, busy, inbox, language, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyX') {
        event.preventDefault();
        void take();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [take]);

  return (
    <div className="take-next">
      <button type="button" className="primary" aria-keyshortcuts="Alt+X" disabled={busy} onClick={() => void take()}>
        {busy ? t('inboxView.takingNext') : t('inboxView.takeNext')}
      </button>
      <p role="status" className="take-next-message">
        {message}
      </p>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
    </div>
  );
}
