import { ApiError } from '../api';
import { type Language, errorMessage, translate } from '../messages';

/** Messages per field path (`title`, `sla.responseMinutes`, `exceptions.0.date`), for the fields of a form. */
export type FieldErrors = Readonly<Record<string, string>>;

/** Why a save failed: a readable message, the fields to mark, and whether reloading the item is the way out. */
export interface Problem {
  message: string;
  fields: FieldErrors;
  conflict: boolean;
}

interface Details {
  fields?: { path: string; message: string }[];
  references?: { field: string; kind: string; id: string }[];
  field?: string;
  refused?: { rule: number; condition: number; error: string }[];
}

/**
 * The field errors of the API's answers: `details.fields` of REQUEST.INVALID and SLA.CALENDAR_INVALID,
 * `details.references` of ROUTING.REFERENCE_UNKNOWN, `details.field` of ROUTING.REFERENCE_INVALID and
 * `details.refused` of ROUTING.RULE_INVALID. `strip` removes a prefix the form does not have (`definition.`).
 */
export function fieldErrorsOf(error: ApiError, strip = ''): FieldErrors {
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Details;
  const fields: Record<string, string> = {};
  for (const issue of details.fields ?? []) {
    const path = issue.path.startsWith(strip) ? issue.path.slice(strip.length) : issue.path;
    fields[path] ??= issue.message;
  }
  for (const reference of details.references ?? []) fields[reference.field] ??= `${reference.kind} ${reference.id}?`;
  if (typeof details.field === 'string') fields[details.field] ??= error.message;
  for (const refused of details.refused ?? []) {
    fields[`rules.${refused.rule}.conditions.${refused.condition}.pattern`] ??= refused.error;
  }
  return fields;
}

export function problemOf(error: unknown, language: Language, strip = ''): Problem {
  if (!(error instanceof ApiError)) return { message: String(error), fields: {}, conflict: false };
  const fields = fieldErrorsOf(error, strip);
  const invalid = Object.keys(fields).length > 0 ? translate(language, 'admin.invalid') : undefined;
  return {
    message: errorMessage(language, error.code) ?? invalid ?? `${error.message} (${error.code})`,
    fields,
    conflict: error.code.endsWith('.VERSION_CONFLICT'),
  };
}
