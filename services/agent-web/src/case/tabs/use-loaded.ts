import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  /** Replace the data with what a change answered. */
  setData: (data: T) => void;
  reload: () => void;
}

/** GETs `path` (none while undefined), again whenever `refresh` or `path` changes or `reload` is called. */
export function useLoaded<T>(path: string | undefined, refresh: unknown): Loaded<T> {
  const { api } = useSession();
  const { language } = useI18n();
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    const abort = new AbortController();
    api
      .get<T>(path, abort.signal)
      .then((body) => {
        setData(body);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, path, refresh, reloads]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { data, error, setData, reload };
}
