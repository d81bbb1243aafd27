import { useEffect, useState } from 'react';
import type { CaseEventView } from '@arende/contracts';
import type { Page } from '../../api';
import { errorText } from '../../api-error';
import { formatDateTime } from '../../format';
import { type Translate, useI18n } from '../../i18n';
import { hasMessage } from '../../messages';
import { useSession } from '../../session';
import type { CaseTabProps } from './tab';

const PAGE_SIZE = 50;

/**
 * A logged value as text: a status or priority by its name, a person by the name the log or the case knows
 * them by, nothing as a dash, a list of numbers as a list, anything else as JSON.
 */
function valueText(t: Translate, people: ReadonlyMap<string, string>, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('card.none');
  if (typeof value === 'boolean') return t(value ? 'card.yes' : 'card.no');
  if (typeof value === 'string') {
    const named = `${field}.${value}`;
    return hasMessage(named) ? t(named) : (people.get(value) ?? value);
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

function fieldLabel(t: Translate, field: string): string {
  for (const key of [`tabs.field.${field}`, `case.${field}`]) if (hasMessage(key)) return t(key);
  return field;
}

function kindLabel(t: Translate, kind: string): string {
  const key = `tabs.event.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}

/** The case's event log, newest first: who did what when, with each change's value before and after; paged. */
export function EventLogTab({ caseView }: CaseTabProps) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [items, setItems] = useState<CaseEventView[] | undefined>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}/events?limit=${PAGE_SIZE}`;

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

  const people = new Map<string, string>();
  for (const event of items ?? []) if (event.actor.name !== null) people.set(event.actor.id, event.actor.name);
  if (caseView.assigneeId !== null && caseView.assigneeName !== null)
    people.set(caseView.assigneeId, caseView.assigneeName);
  if (caseView.lock?.holderName) people.set(caseView.lock.holderId, caseView.lock.holderName);

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
                <td>{kindLabel(t, event.kind)}</td>
                <td>
                  {event.changes !== null && Object.keys(event.changes).length > 0 && (
                    <ul className="changes">
                      {Object.entries(event.changes).map(([field, change]) => (
                        <li key={field}>
                          {fieldLabel(t, field)}: {valueText(t, people, field, change.before)} →{' '}
                          {valueText(t, people, field, change.after)}
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
