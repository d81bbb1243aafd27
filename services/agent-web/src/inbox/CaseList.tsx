import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseView, Inbox, InboxCounts } from '@arende/contracts';
import type { Page } from '../api';
import { Link } from '../Link';
import { LockIcon, MailIcon } from '../icons';
import { formatDateTime } from '../format';
import { type Translate, useI18n } from '../i18n';
import { isCaseEvent } from '../event-stream';
import { useLiveEvents } from '../live';
import { hrefOf, navigate } from '../router';
import { useReferenceNames } from '../reference';
import { useSession } from '../session';
import { COLUMN_LABELS } from './columns';
import { type CaseGroup, type GroupKey, groupCases, inboxCountOf } from './grouping';
import { useDebounced } from './InboxView';
import { type InboxSearch, apiFilters } from './search';
import { NO_SELECTION, type Selection, clickRow, retainRows } from './selection';
import { InboxWarningSignal } from '../case/tabs/InboxWarningSignal';
import { type ColumnKey, type Sort, nextSort, sortCases } from './sort';

export const PAGE_SIZE = 50;

/** The heading of a group: its value in words, its rows on the page and, when known, in the whole inbox. */
function groupHeading(
  t: Translate,
  key: GroupKey,
  group: CaseGroup,
  total: number | undefined,
  caseTypes: ReadonlyMap<string, string>,
): string {
  const first = group.items[0];
  const name =
    key === 'status'
      ? t(`status.${first.status}`)
      : key === 'priority'
        ? t(`priority.${first.priority}`)
        : key === 'channel'
          ? t(`channel.${first.channel}`)
          : key === 'assignee'
            ? (first.assigneeName ?? first.assigneeId ?? t('inboxView.unassigned'))
            : first.caseTypeId === null
              ? t('inboxView.noCaseType')
              : (caseTypes.get(first.caseTypeId) ?? first.caseTypeId);
  const count = group.items.length;
  return total === undefined
    ? t('inboxView.groupHeading', { name, count })
    : t('inboxView.groupHeadingOf', { name, count, total });
}

/**
 * One inbox's cases, a page at a time in the search's server sort (work order by default), the page sortable by
 * a column and grouped; urgent rows red, prioritised yellow. Rows are selected by click, Ctrl-click and
 * Shift-click, or with the arrow keys, Space and Shift; Enter opens. Any case event on the live stream fetches
 * the page again. A new search is a new list (the parent keys it), so paging starts over.
 */
export function CaseList({
  inbox,
  search,
  columns,
}: {
  inbox: Inbox;
  search: InboxSearch;
  columns: readonly ColumnKey[];
}) {
  const { t, language } = useI18n();
  const { api, agent } = useSession();
  const caseTypes = useReferenceNames(api, 'case-type');
  const [counts, setCounts] = useState<InboxCounts | undefined>();
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
    const query = apiFilters(search, agent.username);
    query.set('limit', String(PAGE_SIZE));
    if (search.sort !== 'priority') query.set('sort', search.sort);
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
  }, [api, agent.username, inbox.id, search, cursor, reloads]);

  // The whole inbox's count of each group, for the groupings the counts route knows.
  const group = search.group;
  const counted = group === 'status' || group === 'priority' || group === 'assignee';
  useEffect(() => {
    if (!counted) return;
    const abort = new AbortController();
    const query = apiFilters(search, agent.username);
    api
      .get<InboxCounts>(`/api/v1/inboxes/${encodeURIComponent(inbox.id)}/counts?${query}`, abort.signal)
      .then(setCounts)
      .catch(() => undefined);
    return () => abort.abort();
  }, [api, agent.username, inbox.id, search, counted, reloads]);

  const refetch = useDebounced(() => setReloads((n) => n + 1), 250);
  useLiveEvents(
    useCallback(
      (event) => {
        if (isCaseEvent(event)) refetch();
      },
      [refetch],
    ),
  );

  const groups = useMemo(() => {
    const sorted = sortCases(page?.items ?? [], sort);
    return group === undefined ? [{ value: null, items: sorted }] : groupCases(sorted, group);
  }, [page, sort, group]);
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
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
      <p aria-live="polite" className="selection-count">
        {selection.selected.size > 0 ? t('inbox.selected', { count: selection.selected.size }) : ''}
      </p>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {page === undefined && error === undefined && <p>{t('app.loading')}</p>}
      {page !== undefined && items.length === 0 && <p>{t('inbox.empty')}</p>}
      {items.length > 0 && (
        <table className="case-table" role="grid" aria-multiselectable="true" aria-labelledby="inbox-title">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" aria-sort={sort?.column === column ? sort.direction : undefined}>
                  <button
                    type="button"
                    className="sort-button"
                    title={t('inboxView.pageSort', { column: t(COLUMN_LABELS[column]) })}
                    onClick={() => setSort(nextSort(sort, column))}
                  >
                    {t(COLUMN_LABELS[column])}
                    <span aria-hidden="true">
                      {sort?.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">{t('case.signals')}</th>
            </tr>
          </thead>
          {groups.map((g, groupIndex) => (
            <tbody key={groupIndex}>
              {group !== undefined && (
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={columns.length + 1}>
                    {groupHeading(t, group, g, counted ? inboxCountOf(counts, group, g.value) : undefined, caseTypes)}
                  </th>
                </tr>
              )}
              {g.items.map((item) => {
                const index = items.indexOf(item);
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
                    {columns.map((column) => (
                      <Cell key={column} column={column} item={item} caseTypes={caseTypes} />
                    ))}
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
          ))}
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

/** One cell of a case's row. */
function Cell({
  column,
  item,
  caseTypes,
}: {
  column: ColumnKey;
  item: CaseView;
  caseTypes: ReadonlyMap<string, string>;
}) {
  const { t, language } = useI18n();
  switch (column) {
    case 'number':
      return (
        <td className="nowrap">
          <Link href={hrefOf({ page: 'case', number: item.number })}>{item.number}</Link>
        </td>
      );
    case 'title':
      return <td>{item.title}</td>;
    case 'status':
      return <td>{t(`status.${item.status}`)}</td>;
    case 'priority':
      return <td>{t(`priority.${item.priority}`)}</td>;
    case 'channel':
      return <td>{t(`channel.${item.channel}`)}</td>;
    case 'caseType':
      return <td>{item.caseTypeId === null ? '' : (caseTypes.get(item.caseTypeId) ?? item.caseTypeId)}</td>;
    case 'assignee':
      return <td>{item.assigneeName ?? item.assigneeId ?? ''}</td>;
    case 'registeredAt':
      return <td className="nowrap">{formatDateTime(language, item.registeredAt)}</td>;
  }
}
