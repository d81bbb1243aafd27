import { useEffect, useId, useState } from 'react';
import type { CustomerView } from '@arende/contracts';
import { ApiError, type Page } from '../../api';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CustomerDetails } from './CustomerDetails';
import { customerName } from './customer-name';
import { type CustomerSearch, customerSearchesOf, keyOf } from './customer-search';

const TYPING_PAUSE_MS = 300;

/**
 * Finds customer cards as the agent types (a name, an e-mail address, a phone number or a personnummer, told
 * apart by their form) and links the chosen one. Searches are POSTs: none of it lands in a URL.
 */
export function CustomerSearchBox({
  linkedIds,
  busy,
  onLink,
  onTyped,
}: {
  linkedIds: ReadonlySet<string>;
  busy: boolean;
  onLink: (customer: CustomerView) => void;
  /** The searches for what is typed now, for a new card to start from. */
  onTyped: (searches: CustomerSearch[]) => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const [found, setFound] = useState<CustomerView[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const searches = customerSearchesOf(typed);
  const query = JSON.stringify(searches);

  useEffect(() => {
    const wanted = JSON.parse(query) as CustomerSearch[];
    onTyped(wanted);
    setFound(undefined);
    if (wanted.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      // A number the API finds malformed (a personnummer failing its check digit) matches no card: no hits.
      const searched = wanted.map((search) =>
        api
          .send<Page<CustomerView>>('POST', '/api/v1/customers/search', { ...search, limit: 20 })
          .catch((e: unknown) => {
            if (e instanceof ApiError && e.code === 'REQUEST.INVALID') return { items: [], nextCursor: null };
            throw e;
          }),
      );
      Promise.all(searched)
        .then((pages) => {
          if (!live) return;
          const byId = new Map(pages.flatMap((page) => page.items).map((customer) => [customer.id, customer]));
          setFound([...byId.values()]);
          setError(undefined);
        })
        .catch((e: unknown) => {
          if (live) setError(errorText(language, e));
        });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const searchedBy = [...new Set(searches.map((search) => t(`tabs.customer.by.${keyOf(search)}`)))].join(
    t('tabs.customer.or'),
  );
  return (
    <div className="customer-search" role="search" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('tabs.customer.search')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-query`}>{t('tabs.customer.searchLabel')}</label>
        <input
          id={`${ids}-query`}
          type="search"
          autoComplete="off"
          value={typed}
          aria-describedby={`${ids}-by`}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <p id={`${ids}-by`} className="hint">
        {searches.length === 0 ? t('tabs.customer.searchHint') : t('tabs.customer.searchingBy', { by: searchedBy })}
      </p>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      <p role="status" className="notice-line">
        {found === undefined ? '' : t('tabs.customer.found', { count: found.length })}
      </p>
      {found !== undefined && found.length > 0 && (
        <ul className="customer-list" aria-label={t('tabs.customer.results')}>
          {found.map((customer) => {
            const name = customerName(t, customer);
            const linked = linkedIds.has(customer.id);
            return (
              <li key={customer.id} className="customer">
                <div className="customer-heading">
                  <strong>{name}</strong>
                  <button
                    type="button"
                    disabled={busy || linked}
                    aria-label={t(linked ? 'tabs.customer.alreadyLinked' : 'tabs.customer.linkNamed', { name })}
                    onClick={() => onLink(customer)}
                  >
                    {t(linked ? 'tabs.customer.linked' : 'tabs.customer.link')}
                  </button>
                </div>
                <CustomerDetails customer={customer} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
