import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  reload: () => void;
}

/** GETs `path` (again on `reload`; nothing without a path), cancelling the request when the view goes away. */
export function useLoad<T>(api: Api, path: string | undefined): Loaded<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<unknown>();
  const [seq, setSeq] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    const abort = new AbortController();
    api.get<T>(path, abort.signal).then(
      (body) => {
        setData(body);
        setError(undefined);
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      },
    );
    return () => abort.abort();
  }, [api, path, seq]);
  const reload = useCallback(() => setSeq((n) => n + 1), []);
  return { data, error, reload };
}
