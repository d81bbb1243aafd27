import { useMemo } from 'react';
import type { ReferenceKind } from '@arende/contracts';
import type { Api } from '../api';
import type { Option } from './fields';
import { useLoad } from './load';

/** The active items of a listing as choices, by name. */
export function useOptions(api: Api, path: string): readonly Option[] {
  const { data } = useLoad<{ items: { id: string; name: string }[] }>(api, path);
  return useMemo(() => (data?.items ?? []).map((item) => ({ value: item.id, label: item.name })), [data]);
}

export const referencePath = (kind: ReferenceKind) => `/api/v1/reference-data/${kind}`;
export const INBOXES_PATH = '/api/v1/inboxes';
export const CALENDARS_PATH = '/api/v1/calendars';
