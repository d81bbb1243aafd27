import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface Inbox {
  id: string;
  name: string;
}

export function InboxView({ inboxId }: { inboxId?: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [inboxes, setInboxes] = useState<Inbox[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<{ items: Inbox[] }>('/api/v1/inboxes', abort.signal)
      .then((body) => setInboxes(body.items))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => abort.abort();
  }, [api]);

  return (
    <>
      <h1>{t('nav.inbox')}</h1>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {inboxes === undefined && error === undefined && <p>{t('app.loading')}</p>}
      <ul>
        {inboxes?.map((inbox) => (
          <li key={inbox.id} aria-current={inbox.id === inboxId ? 'page' : undefined}>
            {inbox.name}
          </li>
        ))}
      </ul>
    </>
  );
}
