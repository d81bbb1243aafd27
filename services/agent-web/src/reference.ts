import { useEffect, useState } from 'react';
import type { ReferenceKind } from '@arende/contracts';
import type { Api } from './api';

// One request per kind for the tab's lifetime: reference data changes rarely, and an id is shown meanwhile.
const cache = new WeakMap<Api, Map<ReferenceKind, Promise<ReadonlyMap<string, string>>>>();

function namesOf(api: Api, kind: ReferenceKind): Promise<ReadonlyMap<string, string>> {
  let kinds = cache.get(api);
  if (kinds === undefined) {
    kinds = new Map<ReferenceKind, Promise<ReadonlyMap<string, string>>>();
    cache.set(api, kinds);
  }
  let names = kinds.get(kind);
  if (names === undefined) {
    names = api
      .get<{ items: { id: string; name: string }[] }>(`/api/v1/reference-data/${kind}?includeInactive=true`)
      .then((body) => new Map(body.items.map((item) => [item.id, item.name])))
      .catch(() => new Map<string, string>());
    kinds.set(kind, names);
  }
  return names;
}

/** The names of reference items by id (empty until they have arrived, or when they cannot be read). */
export function useReferenceNames(api: Api, kind: ReferenceKind): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void namesOf(api, kind).then((found) => live && setNames(found));
    return () => {
      live = false;
    };
  }, [api, kind]);
  return names;
}
