import { useEffect, useState } from 'react';
import type { CaseEventView, CustomerView } from '@arende/contracts';
import type { Page } from '../../api';
import { errorText } from '../../error-text';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { customerName } from './customer-name';
import { changeFieldText, changeValueText, eventKindText } from './event-log-text';
import type { CaseTabProps } from './tab';
import { useLoaded } from './use-loaded';

const PAGE_SIZE = 50;

/** The case's event log, newest first: who did what when, with each change's value before and after; paged. */
export function EventLogTab({ caseView }: CaseTabProps) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [items, setItems] = useState<CaseEventView[] | undefined>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}/events?limit=${PAGE_SIZE}`;
  const customers = useLoaded<{ items: CustomerView[] }>(
    `/api/v1/cases/${encodeURIComponent(caseView.number)}/customers`,
    caseView,
  );

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<Page<CaseEventView>>(path, abort.signal)
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, path, caseView]);

  const more = async () => {
    if (nextCursor === null || busy) return;
    setBusy(true);
    try {
      const page = await api.get<Page<CaseEventView>>(`${path}&cursor=${encodeURIComponent(nextCursor)}`);
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setNextCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  // Ids in the log named as far as the card knows them: the actors, the handler, the lock holder, the customers.
  const names = new Map<string, string>();
  for (const event of items ?? []) if (event.actor.name !== null) names.set(event.actor.id, event.actor.name);
  if (caseView.assigneeId !== null && caseView.assigneeName !== null)
    names.set(caseView.assigneeId, caseView.assigneeName);
  if (caseView.lock?.holderName) names.set(caseView.lock.holderId, caseView.lock.holderName);
  for (const customer of customers.data?.items ?? []) names.set(customer.id, customerName(t, customer));

  return (
    <div className="event-log">
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {items === undefined && error === undefined && <p>{t('app.loading')}</p>}
      {items?.length === 0 && <p>{t('tabs.events.none')}</p>}
      {items !== undefined && items.length > 0 && (
        <table className="event-table">
          <caption className="visually-hidden">{t('tabs.events.caption', { number: caseView.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tabs.events.when')}</th>
              <th scope="col">{t('tabs.events.who')}</th>
              <th scope="col">{t('tabs.events.what')}</th>
              <th scope="col">{t('tabs.events.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr key={event.id} data-kind={event.kind}>
                <td className="nowrap">{formatDateTime(language, event.occurredAt)}</td>
                <td>{event.actor.name ?? event.actor.id}</td>
                <td>{eventKindText(t, event.kind)}</td>
                <td>
                  {event.changes !== null && Object.keys(event.changes).length > 0 && (
                    <ul className="changes">
                      {Object.entries(event.changes).map(([field, change]) => (
                        <li key={field}>
                          {changeFieldText(t, field)}: {changeValueText(t, names, field, change.before)} →{' '}
                          {changeValueText(t, names, field, change.after)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor !== null && (
        <button type="button" disabled={busy} onClick={() => void more()}>
          {t('tabs.events.more')}
        </button>
      )}
    </div>
  );
}
