import { useEffect, useState } from 'react';
import type { FavouriteCase } from '@arende/contracts';
import type { Api, Page } from '../../api';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { errorText } from '../../error-text';
import { type ActionProps, useAltShortcut } from './action';

/** Whether the case is among the agent's favourites (the API has no per-case read: the list is paged through). */
async function isFavourite(api: Api, number: string, signal: AbortSignal): Promise<boolean> {
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<FavouriteCase> = await api.get(`/api/v1/favourites?limit=200${query}`, signal);
    if (page.items.some((item) => item.number === number)) return true;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return false;
}

/** The star in the case heading (Alt+G): marks the case as one of the agent's favourites, or unmarks it. */
export function FavouriteStar({ caseView, onNotice, onError }: Omit<ActionProps, 'onChanged'>) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const number = caseView.number;
  const [favourite, setFavourite] = useState<boolean | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    isFavourite(api, number, abort.signal)
      .then(setFavourite)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) onError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, number, language, onError]);

  const toggle = async () => {
    if (busy || favourite === undefined) return;
    setBusy(true);
    try {
      const state = await api.send<{ favourite: boolean }>(
        favourite ? 'DELETE' : 'PUT',
        `/api/v1/cases/${encodeURIComponent(number)}/favourite`,
      );
      setFavourite(state.favourite);
      onNotice(state.favourite ? t('favourite.added') : t('favourite.removed'));
    } catch (e) {
      onError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };
  useAltShortcut('KeyG', () => void toggle());

  return (
    <button
      type="button"
      className="favourite-star"
      aria-label={t('favourite.toggle')}
      title={t('favourite.toggle')}
      aria-keyshortcuts="Alt+G"
      aria-pressed={favourite === true}
      disabled={favourite === undefined || busy}
      onClick={() => void toggle()}
    >
      <span aria-hidden="true">{favourite === true ? '★' : '☆'}</span>
    </button>
  );
}
