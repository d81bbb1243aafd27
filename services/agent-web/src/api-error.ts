import { ApiError } from './api';
import { type Language, errorMessage } from './i18n';

/** An API error as the agent reads it: the dictionary's message for its code, else the API's own with the code. */
export function errorText(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return errorMessage(language, error.code) ?? `${error.message} (${error.code})`;
}
