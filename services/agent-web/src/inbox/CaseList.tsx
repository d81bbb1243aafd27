import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseView, Inbox } from '@arende/contracts';
import type { Page } from '../api';
import { Link } from '../Link';
import { LockIcon, MailIcon } from '../icons';
import { formatDateTime } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { isCaseEvent } from '../event-stream';
import { useLiveEvents } from '../live';
import { hrefOf, navigate } from '../router';
import { useSession } from '../session';
import { useDebounced } from './InboxView';
import { NO_SELECTION, type Selection, clickRow, retainRows } from './selection';
import { InboxWarningSignal } from '../case/tabs/InboxWarningSignal';
import { type ColumnKey, type Sort, nextSort, sortCases } from './sort';

export const PAGE_SIZE = 50;

const COLUMNS: readonly { key: ColumnKey; label: MessageKey }[] = [
  { key: 'number', label: 'case.number' },
  { key: 'title', label: 'case.title' },
  { key: 'status', label: 'case.status' },
  { key: 'priority', label: 'case.priority' },
  { key: 'channel', label: 'case.channel' },
  { key: 'assignee', label: 'case.assignee' },
  { key: 'registeredAt', label: 'case.registeredAt' },
];

/**
 * One inbox's cases, a page at a time in work order or sorted by a column; urgent rows red, prioritised yellow.
 * Rows are selected by click, Ctrl-click and Shift-click, or with the arrow keys, Space and Shift; Enter opens.
 * Any case event on the live stream fetches the page again.
 */
export function CaseList({ inbox }: { inbox: Inbox }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  // The cursor of each page shown so far: the last one is the current page.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<CaseView> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [sort, setSort] = useState<Sort>(undefined);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [focused, setFocused] = useState(0);
  const [reloads, setReloads] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    const abort = new AbortController();
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor !== undefined) query.set('cursor', cursor);
    api
      .get<Page<CaseView>>(`/api/v1/inboxes/${encodeURIComponent(inbox.id)}/cases?${query}`, abort.signal)
      .then((body) => {
        setPage(body);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    return () => abort.abort();
  }, [api, inbox.id, cursor, reloads]);

  const refetch = useDebounced(() => setReloads((n) => n + 1), 250);
  useLiveEvents(
    useCallback(
      (event) => {
        if (isCaseEvent(event)) refetch();
      },
      [refetch],
    ),
  );

  const items = useMemo(() => sortCases(page?.items ?? [], sort), [page, sort]);
  const order = useMemo(() => items.map((item) => item.number), [items]);
  useEffect(() => setSelection((current) => retainRows(current, order)), [order]);
  useEffect(() => setFocused((index) => Math.min(index, Math.max(0, order.length - 1))), [order]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(order.length - 1, index));
    setFocused(next);
    rows.current[next]?.focus();
    return next;
  };

  const onRowClick = (event: MouseEvent, number: string, index: number) => {
    setFocused(index);
    setSelection((current) =>
      clickRow(current, order, number, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }),
    );
  };

  const onRowKey = (event: KeyboardEvent, number: string, index: number) => {
    if (event.target !== event.currentTarget) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = focusRow(index + (event.key === 'ArrowDown' ? 1 : -1));
      if (event.shiftKey)
        setSelection((current) => clickRow(current, order, order[next], { ctrl: false, shift: true }));
    } else if (event.key === ' ') {
      event.preventDefault();
      setSelection((current) => clickRow(current, order, number, { ctrl: true, shift: event.shiftKey }));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      navigate(hrefOf({ page: 'case', number }));
    } else if (event.key === 'a' && ctrl) {
      event.preventDefault();
      setSelection({ selected: new Set(order), anchor: order[0] });
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : order.length - 1);
    }
  };

  const pageNumber = cursors.length;
  return (
    <>
      <div className="inbox-heading">
        <h1 id="inbox-title">{inbox.name}</h1>
        <p aria-live="polite" className="selection-count">
          {selection.selected.size > 0 ? t('inbox.selected', { count: selection.selected.size }) : ''}
        </p>
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {page === undefined && error === undefined && <p>{t('app.loading')}</p>}
      {page !== undefined && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items.length > 0 && (
        <table className="case-table" role="grid" aria-multiselectable="true" aria-labelledby="inbox-title">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" aria-sort={sort?.column === column.key ? sort.direction : undefined}>
                  <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, column.key))}>
                    {t(column.label)}
                    <span aria-hidden="true">
                      {sort?.column === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('case.signals')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              const selected = selection.selected.has(item.number);
              return (
                <tr
                  key={item.number}
                  ref={(element) => {
                    rows.current[index] = element;
                  }}
                  className={`priority-${item.priority}${selected ? ' selected' : ''}`}
                  aria-selected={selected}
                  tabIndex={index === focused ? 0 : -1}
                  data-number={item.number}
                  onClick={(event) => onRowClick(event, item.number, index)}
                  onDoubleClick={() => navigate(hrefOf({ page: 'case', number: item.number }))}
                  onKeyDown={(event) => onRowKey(event, item.number, index)}
                >
                  <td className="nowrap">
                    <Link href={hrefOf({ page: 'case', number: item.number })}>{item.number}</Link>
                  </td>
                  <td>{item.title}</td>
                  <td>{t(`status.${item.status}`)}</td>
                  <td>{t(`priority.${item.priority}`)}</td>
                  <td>{t(`channel.${item.channel}`)}</td>
                  <td>{item.assigneeName ?? item.assigneeId ?? ''}</td>
                  <td className="nowrap">{formatDateTime(language, item.registeredAt)}</td>
                  <td className="signals">
                    {item.lock !== null && (
                      <span
                        className="signal"
                        title={t('case.lockedBy', {
                          name: item.lock.holderName ?? item.lock.holderId,
                          since: formatDateTime(language, item.lock.since),
                        })}
                      >
                        <LockIcon />
                        <span className="visually-hidden">
                          {t('case.lockedBy', {
                            name: item.lock.holderName ?? item.lock.holderId,
                            since: formatDateTime(language, item.lock.since),
                          })}
                        </span>
                      </span>
                    )}
                    {item.customerRepliedAt !== null && (
                      <span className="signal" title={t('case.customerReplied')}>
                        <MailIcon />
                        <span className="visually-hidden">{t('case.customerReplied')}</span>
                      </span>
                    )}
                    <InboxWarningSignal item={item} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t('inbox.pages')}>
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
          {t('inbox.previous')}
        </button>
        <span>{t('inbox.page', { page: pageNumber })}</span>
        <button
          type="button"
          disabled={(page?.nextCursor ?? null) === null}
          onClick={() => {
            const next = page?.nextCursor;
            if (typeof next === 'string') setCursors((stack) => [...stack, next]);
          }}
        >
          {t('inbox.next')}
        </button>
      </nav>
    </>
  );
}
