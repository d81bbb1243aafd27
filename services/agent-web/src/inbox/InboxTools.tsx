import { type FormEvent, useEffect, useRef, useState } from 'react';
import { CASE_STATUSES, type CaseStatus, INBOX_SORTS, type InboxSort } from '@arende/contracts';
import { errorText } from '../error-text';
import { type MessageKey, useI18n } from '../i18n';
import { ALL_COLUMNS, COLUMN_LABELS, FIXED_COLUMN, toggleColumn } from './columns';
import { GROUP_KEYS, type GroupKey } from './grouping';
import { useSavedSearches } from './saved-searches';
import { type InboxSearch, ME, UNASSIGNED, searchQuery } from './search';
import type { ColumnKey } from './sort';

/** Whether a key press is typing in a field, where "/" is a character and no shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/**
 * The inbox's search form ("/" focuses it): handler, statuses, the server sort and the grouping, each applied as
 * it changes; the column picker; and "save this search" into the personal quick menu.
 */
export function InboxTools({
  inboxId,
  search,
  onSearch,
  columns,
  onColumns,
}: {
  inboxId: string;
  search: InboxSearch;
  onSearch: (search: InboxSearch) => void;
  columns: readonly ColumnKey[];
  onColumns: (columns: ColumnKey[]) => void;
}) {
  const { t, language } = useI18n();
  const first = useRef<HTMLSelectElement>(null);
  const saved = useSavedSearches();
  const [name, setName] = useState('');
  const [confirmation, setConfirmation] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      event.preventDefault();
      first.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggleStatus = (status: CaseStatus, on: boolean) => {
    const chosen = new Set(search.statuses);
    if (on) chosen.add(status);
    else chosen.delete(status);
    onSearch({ ...search, statuses: CASE_STATUSES.filter((s) => chosen.has(s)) });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    setError(undefined);
    setConfirmation(undefined);
    try {
      const stored = await saved.save({ name: trimmed, inboxId, query: searchQuery(search) });
      setConfirmation(t('inboxView.saved', { name: stored.name }));
      setName('');
    } catch (e: unknown) {
      setError(errorText(language, e));
    }
  };

  const assignee = search.assignee ?? '';
  return (
    <div className="inbox-tools">
      <form
        role="search"
        aria-label={t('inboxView.search')}
        className="inbox-search"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t('inboxView.assignee')}
          <select
            ref={first}
            value={[ME, UNASSIGNED, ''].includes(assignee) ? assignee : ''}
            onChange={(event) => {
              const { assignee: _dropped, ...rest } = search;
              onSearch(event.target.value === '' ? rest : { ...rest, assignee: event.target.value });
            }}
          >
            <option value="">{t('inboxView.assigneeAny')}</option>
            <option value={ME}>{t('inboxView.assigneeMe')}</option>
            <option value={UNASSIGNED}>{t('inboxView.assigneeNone')}</option>
          </select>
        </label>
        <label>
          {t('inboxView.sort')}
          <select
            value={search.sort}
            onChange={(event) => onSearch({ ...search, sort: event.target.value as InboxSort })}
          >
            {INBOX_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`inboxView.sort.${sort}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inboxView.group')}
          <select
            value={search.group ?? ''}
            onChange={(event) => {
              const { group: _dropped, ...rest } = search;
              onSearch(event.target.value === '' ? rest : { ...rest, group: event.target.value as GroupKey });
            }}
          >
            <option value="">{t('inboxView.groupNone')}</option>
            {GROUP_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`inboxView.group.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="inbox-statuses">
          <legend>{t('inboxView.statuses')}</legend>
          {CASE_STATUSES.map((status) => (
            <label key={status} className="checkbox">
              <input
                type="checkbox"
                checked={search.statuses.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
      </form>
      <details className="column-picker">
        <summary>{t('inboxView.columns')}</summary>
        <fieldset>
          <legend>{t('inboxView.columnsLegend')}</legend>
          {ALL_COLUMNS.map((column) => (
            <label key={column} className="checkbox">
              <input
                type="checkbox"
                checked={columns.includes(column)}
                disabled={column === FIXED_COLUMN}
                onChange={() => onColumns(toggleColumn(columns, column))}
              />
              {t(COLUMN_LABELS[column])}
            </label>
          ))}
        </fieldset>
      </details>
      <form className="save-search" onSubmit={(event) => void save(event)}>
        <label>
          {t('inboxView.saveName')}
          <input value={name} maxLength={80} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={name.trim() === ''}>
          {t('inboxView.save')}
        </button>
        <p role="status" className="save-search-message">
          {confirmation}
        </p>
        {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      </form>
    </div>
  );
}
