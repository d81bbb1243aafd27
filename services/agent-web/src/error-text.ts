import { ApiError } from './api';
import { type Language, errorMessage } from './i18n';

/** An error for the agent: the dictionary's message for an API error code, else the message and its code. */
export function apiErrorText(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return errorMessage(language, error.code) ?? `${error.message} (${error.code})`;
}
