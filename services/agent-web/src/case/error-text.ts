import { ApiError } from '../api';
import { type Language, errorMessage } from '../i18n';

/** What the agent reads for a failed call: the dictionary's message for the API's error code, or the API's own. */
export function errorText(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return errorMessage(language, error.code) ?? `${error.message} (${error.code})`;
}

/** Whether the call failed because someone changed the case since it was read. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CASE.VERSION_CONFLICT';
}
