import { ApiError } from './api';
import { type Language, errorMessage, translate } from './messages';

/** What the agent reads for a failed call: the dictionary's message for its code, else the API's own words. */
export function errorText(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  // The refused fields say more than the code's general message.
  const fields = invalidFields(error);
  if (fields !== undefined) return translate(language, 'actions.invalidFields', { fields });
  return errorMessage(language, error.code) ?? `${error.message} (${error.code})`;
}

/** `REQUEST.INVALID` names the fields it refused in `details.fields`. */
function invalidFields(error: ApiError): string | undefined {
  if (error.code !== 'REQUEST.INVALID' || typeof error.details !== 'object' || error.details === null) return undefined;
  const fields = (error.details as { fields?: unknown }).fields;
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  return fields
    .map((field: { path?: unknown; message?: unknown }) => `${String(field.path)}: ${String(field.message)}`)
    .join('; ');
}

/** Whether the call failed because someone changed the case since it was read. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CASE.VERSION_CONFLICT';
}
