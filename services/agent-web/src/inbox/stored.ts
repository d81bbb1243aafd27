import { useCallback, useMemo, useSyncExternalStore } from 'react';

// A value kept in localStorage and shared live by every component of the tab that uses the same key.

const CHANGED = 'arende:stored-changed';

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The stored text of `key` parsed, and a setter that stores the new value (JSON) and tells every reader. */
export function useStored<T>(key: string, parse: (stored: string | null) => T): [T, (value: T) => void] {
  const stored = useSyncExternalStore(subscribe, () => read(key));
  const value = useMemo(() => parse(stored), [parse, stored]);
  const set = useCallback(
    (next: T) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused (private mode): the choice lasts until the page is left.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  return [value, set];
}
