import { useEffect, useMemo, useState } from 'react';
import type { ReferenceKind } from '@arende/contracts';
import type { Api } from './api';

/** A reference item as the case card needs it: to name it, and to offer the active ones as a choice. */
export interface ReferenceOption {
  id: string;
  name: string;
  active: boolean;
}

// One request per kind for the tab's lifetime: reference data changes rarely, and an id is shown meanwhile.
const cache = new WeakMap<Api, Map<ReferenceKind, Promise<readonly ReferenceOption[]>>>();

function itemsOf(api: Api, kind: ReferenceKind): Promise<readonly ReferenceOption[]> {
  let kinds = cache.get(api);
  if (kinds === undefined) {
    kinds = new Map<ReferenceKind, Promise<readonly ReferenceOption[]>>();
    cache.set(api, kinds);
  }
  let items = kinds.get(kind);
  if (items === undefined) {
    items = api
      .get<{ items: ReferenceOption[] }>(`/api/v1/reference-data/${kind}?includeInactive=true`)
      .then((body) => body.items.map(({ id, name, active }) => ({ id, name, active })))
      .catch(() => []);
    kinds.set(kind, items);
  }
  return items;
}

/** The reference items of a kind, inactive ones too (empty until they have arrived, or when they cannot be read). */
export function useReferenceItems(api: Api, kind: ReferenceKind): readonly ReferenceOption[] {
  const [items, setItems] = useState<readonly ReferenceOption[]>([]);
  useEffect(() => {
    let live = true;
    void itemsOf(api, kind).then((found) => live && setItems(found));
    return () => {
      live = false;
    };
  }, [api, kind]);
  return items;
}

/** The names of reference items by id (empty until they have arrived, or when they cannot be read). */
export function useReferenceNames(api: Api, kind: ReferenceKind): ReadonlyMap<string, string> {
  const items = useReferenceItems(api, kind);
  return useMemo(() => new Map(items.map((item) => [item.id, item.name])), [items]);
}
