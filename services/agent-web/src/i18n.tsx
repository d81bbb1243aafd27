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
  'inbox.inboxes': 'Inkorgar',
  'inbox.noInboxes': 'Du hör inte till någon inkorg.',
  'inbox.unknown': 'Inkorgen {id} finns inte',
  'inbox.empty': 'Inga ärenden i inkorgen.',
  'inbox.selected': '{count} markerade',
  'inbox.pages': 'Sidor',
  'inbox.previous': 'Föregående sida',
  'inbox.next': 'Nästa sida',
  'inbox.page': 'Sida {page}',
  'case.number': 'Nummer',
  'case.title': 'Rubrik',
  'case.status': 'Status',
  'case.priority': 'Prioritet',
  'case.channel': 'Kanal',
  'case.assignee': 'Handläggare',
  'case.registeredAt': 'Registrerat',
  'case.signals': 'Markeringar',
  'case.lockedBy': 'Låst av {name} sedan {since}',
  'case.customerReplied': 'Nytt svar från kunden',
  'status.new': 'Nytt',
  'status.open': 'Öppet',
  'status.waiting_for_customer': 'Väntar på kund',
  'status.with_external': 'Hos extern part',
  'status.parked': 'Parkerat',
  'status.resolved': 'Löst',
  'status.closed': 'Avslutat',
  'status.reopened': 'Återöppnat',
  'priority.normal': 'Normal',
  'priority.prioritised': 'Prioriterad',
  'priority.urgent': 'Brådskande',
  'channel.phone': 'Telefon',
  'channel.email': 'E-post',
  'channel.sms': 'SMS',
  'channel.web_form': 'Webbformulär',
  'channel.e_service': 'E-tjänst',
  'channel.visit': 'Besök',
  'channel.chat': 'Chatt',
  'channel.facebook': 'Facebook',
  'channel.x': 'X',
  'channel.letter': 'Brev',
  'channel.open311': 'Open311',
  'channel.system': 'System',
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
  'inbox.inboxes': 'Inboxes',
  'inbox.noInboxes': 'You belong to no inbox.',
  'inbox.unknown': 'No inbox {id}',
  'inbox.empty': 'No cases in this inbox.',
  'inbox.selected': '{count} selected',
  'inbox.pages': 'Pages',
  'inbox.previous': 'Previous page',
  'inbox.next': 'Next page',
  'inbox.page': 'Page {page}',
  'case.number': 'Number',
  'case.title': 'Title',
  'case.status': 'Status',
  'case.priority': 'Priority',
  'case.channel': 'Channel',
  'case.assignee': 'Handling officer',
  'case.registeredAt': 'Registered',
  'case.signals': 'Signals',
  'case.lockedBy': 'Locked by {name} since {since}',
  'case.customerReplied': 'New reply from the customer',
  'status.new': 'New',
  'status.open': 'Open',
  'status.waiting_for_customer': 'Waiting for customer',
  'status.with_external': 'With external party',
  'status.parked': 'Parked',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.reopened': 'Reopened',
  'priority.normal': 'Normal',
  'priority.prioritised': 'Prioritised',
  'priority.urgent': 'Urgent',
  'channel.phone': 'Phone',
  'channel.email': 'E-mail',
  'channel.sms': 'SMS',
  'channel.web_form': 'Web form',
  'channel.e_service': 'E-service',
  'channel.visit': 'Visit',
  'channel.chat': 'Chat',
  'channel.facebook': 'Facebook',
  'channel.x': 'X',
  'channel.letter': 'Letter',
  'channel.open311': 'Open311',
  'channel.system': 'System',
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
