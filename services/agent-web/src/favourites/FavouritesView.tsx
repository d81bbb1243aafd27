import { useCallback, useEffect, useState } from 'react';
import type { FavouriteCase } from '@arende/contracts';
import type { Page } from '../api';
import { Link } from '../Link';
import { errorText } from '../error-text';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { hrefOf } from '../router';
import { useSession } from '../session';

/** "Mina favoriter": the cases the agent marked with the star, the latest marked first. */
export function FavouritesView() {
  const { t, language } = useI18n();
  const { api } = useSession();
  const [items, setItems] = useState<FavouriteCase[] | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(
    (from: string | null, signal?: AbortSignal) =>
      api
        .get<Page<FavouriteCase>>(
          `/api/v1/favourites?limit=50${from === null ? '' : `&cursor=${encodeURIComponent(from)}`}`,
          signal,
        )
        .then((page) => {
          setItems((before) => [...(from === null ? [] : (before ?? [])), ...page.items]);
          setCursor(page.nextCursor);
        })
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(errorText(language, e));
        }),
    [api, language],
  );

  useEffect(() => {
    const abort = new AbortController();
    void load(null, abort.signal);
    return () => abort.abort();
  }, [load]);

  return (
    <>
      <h1>{t('favourites.title')}</h1>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {items === undefined && error === undefined && <p>{t('app.loading')}</p>}
      {items?.length === 0 && <p>{t('favourites.empty')}</p>}
      {items !== undefined && items.length > 0 && (
        <table className="favourites">
          <thead>
            <tr>
              <th scope="col">{t('case.number')}</th>
              <th scope="col">{t('case.title')}</th>
              <th scope="col">{t('case.status')}</th>
              <th scope="col">{t('case.priority')}</th>
              <th scope="col">{t('favourites.addedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.number} data-number={item.number}>
                <td>
                  <Link href={hrefOf({ page: 'case', number: item.number })}>{item.number}</Link>
                </td>
                <td>{item.title}</td>
                <td>{t(`status.${item.status}`)}</td>
                <td>{t(`priority.${item.priority}`)}</td>
                <td>{formatDateTime(language, item.addedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor !== null && (
        <button type="button" onClick={() => void load(cursor)}>
          {t('favourites.more')}
        </button>
      )}
    </>
  );
}
