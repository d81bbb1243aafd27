// The client's words: one dictionary per language, no i18n framework.
/**
 * Swedish is the agents' language; every key needs its English too (the `Record` types see to it). `{name}` is
 * replaced by a value. Each area of the client keeps its words in a file of its own under `messages/`.
 */
import { coreEn, coreSv } from './messages/core';
import { actionsEn, actionsSv } from './messages/actions';
import { adminEn, adminSv } from './messages/admin';
import { distributionEn, distributionSv } from './messages/distribution';
import { editEn, editSv } from './messages/edit';
import { followUpEn, followUpSv } from './messages/follow-up';
import { inboxEn, inboxSv } from './messages/inbox';
import { knowledgeMapEn, knowledgeMapSv } from './messages/knowledge-map';
import { notificationsEn, notificationsSv } from './messages/notifications';
import { tabsEn, tabsSv } from './messages/tabs';

const sv = {
  ...coreSv,
  ...actionsSv,
  ...adminSv,
  ...distributionSv,
  ...editSv,
  ...followUpSv,
  ...inboxSv,
  ...knowledgeMapSv,
  ...notificationsSv,
  ...tabsSv,
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  ...coreEn,
  ...actionsEn,
  ...adminEn,
  ...distributionEn,
  ...editEn,
  ...followUpEn,
  ...inboxEn,
  ...knowledgeMapEn,
  ...notificationsEn,
  ...tabsEn,
};

/** Every area's dictionaries, so a test can check that no key is in two areas (a later one would win). */
export const MESSAGE_AREAS: readonly { sv: object; en: object }[] = [
  { sv: coreSv, en: coreEn },
  { sv: actionsSv, en: actionsEn },
  { sv: adminSv, en: adminEn },
  { sv: distributionSv, en: distributionEn },
  { sv: editSv, en: editEn },
  { sv: followUpSv, en: followUpEn },
  { sv: inboxSv, en: inboxEn },
  { sv: knowledgeMapSv, en: knowledgeMapEn },
  { sv: notificationsSv, en: notificationsEn },
  { sv: tabsSv, en: tabsEn },
];

export type Language = 'sv' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { sv, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The message for an API error code, when the dictionary has one. */
export function errorMessage(language: Language, code: string): string | undefined {
  const key = `error.${code}`;
  return key in sv ? DICTIONARIES[language][key as MessageKey] : undefined;
}

/** Whether the dictionary has `key` (for words looked up by a value, such as an event-log kind). */
export function hasMessage(key: string): key is MessageKey {
  return key in sv;
}

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
