// The client's words: one dictionary per language, no i18n framework.
/**
 * Swedish is the agents' language; every key needs its English too (the `Record` types see to it). `{name}` is
 * replaced by a value. Each area of the client keeps its words in a file of its own under `messages/`.
 */
import { adminEn, adminSv } from './messages/admin';
import { coreEn, coreSv } from './messages/core';

const sv = {
  ...coreSv,
  ...adminSv,
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  ...coreEn,
  ...adminEn,
};

/** Every area's dictionaries, so a test can check that no key is in two areas (a later one would win). */
export const MESSAGE_AREAS: readonly { sv: object; en: object }[] = [
  { sv: coreSv, en: coreEn },
  { sv: adminSv, en: adminEn },
];

export type Language = 'sv' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { sv, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The message for an API error code, when the dictionary has one. */
export function errorMessage(language: Language, code: string): string | undefined {
  const key = `error.${code}`;
  return key in sv ? DICTIONARIES[language][key as MessageKey] : undefined;
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
