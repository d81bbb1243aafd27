import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Inbox } from '@arende/contracts';
import { Link } from '../Link';
import { useI18n } from '../i18n';
import { hrefOf, replaceQuery, useLocationSearch } from '../router';
import { useSession } from '../session';
import { CaseList } from './CaseList';
import { columnsStorageKey, parseColumns } from './columns';
import { serverSortFor } from './grouping';
import { InboxTools } from './InboxTools';
import { type InboxSearch, parseSearch, searchQuery } from './search';
import { useStored } from './stored';
import { TakeNext } from './TakeNext';

/**
 * The agent's inboxes beside the cases of the chosen one (the first when none is chosen), with its search in the
 * URL's query and the agent's own choice of columns.
 */
export function InboxView({ inboxId }: { inboxId?: string }) {
  const { t } = useI18n();
  const { api, agent } = useSession();
  const query = useLocationSearch();
  const search = useMemo(() => parseSearch(query), [query]);
  const [columns, setColumns] = useStored(columnsStorageKey(agent.id), parseColumns);
  // A grouping the server can sort by lists its groups one after another, across pages too.
  const onSearch = (next: InboxSearch) => {
    const sort = next.group !== undefined && next.group !== search.group ? serverSortFor(next.group) : undefined;
    replaceQuery(searchQuery(sort === undefined ? next : { ...next, sort }));
  };
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

  const current = inboxes?.find((inbox) => inbox.id === inboxId) ?? (inboxId === undefined ? inboxes?.[0] : undefined);
  return (
    <div className="inbox-layout">
      <nav aria-label={t('inbox.inboxes')} className="inbox-nav">
        <h2>{t('inbox.inboxes')}</h2>
        {inboxes === undefined && error === undefined && <p>{t('app.loading')}</p>}
        {inboxes?.length === 0 && <p>{t('inbox.noInboxes')}</p>}
        <ul>
          {inboxes?.map((inbox) => (
            <li key={inbox.id}>
              <Link href={hrefOf({ page: 'inbox', inboxId: inbox.id })} current={inbox.id === current?.id}>
                {inbox.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="inbox-cases" aria-labelledby="inbox-title">
        {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
        {current !== undefined && (
          <>
            <div className="inbox-heading">
              <h1 id="inbox-title">{current.name}</h1>
              {current.assignmentMode === 'pick_next' && <TakeNext inbox={current} />}
            </div>
            <InboxTools
              inboxId={current.id}
              search={search}
              onSearch={onSearch}
              columns={columns}
              onColumns={setColumns}
            />
            <CaseList key={current.id + query} inbox={current} search={search} columns={columns} />
          </>
        )}
        {inboxes !== undefined && current === undefined && inboxId !== undefined && (
          <h1 id="inbox-title">{t('inbox.unknown', { id: inboxId })}</h1>
        )}
      </section>
    </div>
  );
}

/** Calls `refetch` once shortly after a burst of calls (several live events for one change). */
export function useDebounced(callback: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }, [ms]);
}
