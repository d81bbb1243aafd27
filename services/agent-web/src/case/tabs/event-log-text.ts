import type { Translate } from '../../i18n';
import { hasMessage } from '../../messages';

/**
 * A value of an event-log change as text: a status or priority by its name, a person or customer card by the
 * name it is known by (`names`, by id), an entry by its kind, a list of case numbers as a list, nothing as a
 * dash, anything else as JSON.
 */
export function changeValueText(
  t: Translate,
  names: ReadonlyMap<string, string>,
  field: string,
  value: unknown,
): string {
  if (value === null || value === undefined || value === '') return t('card.none');
  if (typeof value === 'boolean') return t(value ? 'card.yes' : 'card.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const named = `${field}.${value}`;
    return hasMessage(named) ? t(named) : (names.get(value) ?? value);
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.length === 0 ? t('card.none') : value.join(', ');
  if (typeof value === 'object' && 'kind' in value && typeof value.kind === 'string') {
    const kind = `entry.${value.kind}`;
    if (hasMessage(kind)) return t(kind);
  }
  return JSON.stringify(value);
}

/** The name of a changed field: the tab's own word for it, else the case field's, else the field itself. */
export function changeFieldText(t: Translate, field: string): string {
  for (const key of [`tabs.field.${field}`, `case.${field}`]) if (hasMessage(key)) return t(key);
  return field;
}

/** The name of an event-log kind, or the kind itself when the client has no word for it yet. */
export function eventKindText(t: Translate, kind: string): string {
  const key = `tabs.event.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}
