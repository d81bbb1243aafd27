import { useEffect, useId, useState } from 'react';
import type { CaseView, DirectoryHit } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { ActionError } from './ActionError';
import { type ActionProps, useAction } from './use-action';

/** How long typing pauses before the directory is asked. */
const SEARCH_DELAY_MS = 200;

/**
 * Assign to someone (Alt+A): search the staff directory as you type and choose a person, who becomes the
 * handling officer by their login; or give the case back to nobody.
 */
export function AssignDialog({ caseView, onCancel, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<DirectoryHit[] | undefined>();
  const { error, run } = useAction(onReload);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setHits(undefined);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ items: DirectoryHit[] }>(`/api/v1/directory?q=${encodeURIComponent(q)}&limit=10`, abort.signal)
        .then((page) => setHits(page.items))
        .catch(() => {
          if (!abort.signal.aborted) setHits([]);
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query]);

  const assign = (assigneeId: string | null, assigneeName: string | null) =>
    void run(async () => {
      const changed = await api.send<CaseView>('PUT', `/api/v1/cases/${caseView.number}/assignee`, {
        version: caseView.version,
        assigneeId,
        ...(assigneeName === null ? {} : { assigneeName }),
      });
      onDone(assigneeName === null ? t('assign.unassigned') : t('assign.assigned', { name: assigneeName }), changed);
    });

  const current = caseView.assigneeName ?? caseView.assigneeId;
  return (
    <ActionDialog title={t('assign.title')} onClose={onCancel} className="assign-dialog">
      {current !== null && <p>{t('assign.current', { name: current })}</p>}
      <div className="field">
        <label htmlFor={`${ids}-search`}>{t('assign.search')}</label>
        <input
          id={`${ids}-search`}
          type="search"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${ids}-hint ${ids}-count`}
          aria-controls={`${ids}-hits`}
          data-autofocus
        />
        <p id={`${ids}-hint`} className="hint">
          {t('assign.hint')}
        </p>
      </div>
      <p id={`${ids}-count`} className="hint" aria-live="polite">
        {hits === undefined
          ? ''
          : hits.length === 0
            ? t('assign.noHits')
            : hits.length === 1
              ? t('assign.oneHit')
              : t('assign.hits', { count: hits.length })}
      </p>
      <ul id={`${ids}-hits`} className="directory-hits" aria-label={t('assign.results')}>
        {hits?.map(({ person, departmentName, unitName }) => {
          const where = [person.title, departmentName, unitName].filter((part) => part !== null && part !== '');
          return (
            <li key={person.id}>
              <button
                type="button"
                disabled={person.userName === null}
                aria-describedby={`${ids}-${person.id}`}
                onClick={() => assign(person.userName, person.name)}
              >
                {t('assign.choose', { name: person.name })}
              </button>
              <span id={`${ids}-${person.id}`} className="hint">
                {' '}
                {where.join(', ')}
                {person.userName === null ? ` (${t('assign.noLogin')})` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <ActionError error={error} />
      <div className="actions">
        <button type="button" disabled={caseView.assigneeId === null} onClick={() => assign(null, null)}>
          {t('assign.unassign')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </ActionDialog>
  );
}
