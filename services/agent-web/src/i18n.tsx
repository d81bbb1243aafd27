import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';

/** Swedish is the agents' language; every key needs its English too. `{name}` is replaced by a value. */
const sv = {
  'app.name': 'Ärende',
  'app.skip': 'Hoppa till innehållet',
  'app.loading': 'Laddar…',
  'app.error': 'Något gick fel: {message}',
  'app.signingIn': 'Loggar in…',
  'nav.main': 'Huvudmeny',
  'nav.inbox': 'Inkorg',
  'user.signedInAs': 'Inloggad som {name}',
  'user.logout': 'Logga ut',
  'lang.switch': 'English',
  'lang.switchLabel': 'Byt språk till engelska',
  'notFound.title': 'Sidan finns inte',
  'notFound.back': 'Till inkorgen',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'app.name': 'Ärende',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong: {message}',
  'app.signingIn': 'Signing in…',
  'nav.main': 'Main menu',
  'nav.inbox': 'Inbox',
  'user.signedInAs': 'Signed in as {name}',
  'user.logout': 'Sign out',
  'lang.switch': 'Svenska',
  'lang.switchLabel': 'Switch language to Swedish',
  'notFound.title': 'No such page',
  'notFound.back': 'To the inbox',
};

export type Language = 'sv' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = 'arende.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function storedLanguage(): Language {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }),
    [language, setLanguage],
  );
  document.documentElement.lang = language;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error('useI18n outside I18nProvider');
  return value;
}
