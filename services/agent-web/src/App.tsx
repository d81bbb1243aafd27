import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { Link } from './Link';
import { isAdmin } from './admin/role';
import { CaseCard } from './case/CaseCard';
import { useI18n } from './i18n';
import { FavouritesView } from './favourites/FavouritesView';
import { InboxView } from './inbox/InboxView';
import { NotificationCenter } from './notifications/NotificationCenter';
import { QuickMenu } from './inbox/QuickMenu';
import { type LiveEvent, useLiveEvents } from './live';
import { QuickRegistration, type QuickRegistrationPrefill } from './registration/QuickRegistration';
import { hrefOf, navigate, useRoute } from './router';
import { useSession } from './session';

// Only administrators open it: its code (and the calendar library) loads when they do.
const AdminView = lazy(() => import('./admin/AdminView').then((module) => ({ default: module.AdminView })));

interface CallAnswered {
  aNumber: string | null;
  answerGroup: string | null;
}

function isCallAnswered(event: LiveEvent): event is LiveEvent & { data: CallAnswered } {
  return event.event === 'call-answered' && typeof event.data === 'object' && event.data !== null;
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { agent, auth } = useSession();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const [quick, setQuick] = useState<{ prefill: QuickRegistrationPrefill; seq: number } | undefined>();
  const [registered, setRegistered] = useState<CaseView | undefined>();

  // A new page moves the focus to its content, as a page load would for a screen reader.
  useEffect(() => {
    main.current?.focus();
  }, [route]);

  // Alt+N opens quick registration from anywhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyN') {
        event.preventDefault();
        setQuick((current) => current ?? { prefill: {}, seq: Date.now() });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A call the agent answered opens quick registration with what the telephony platform knows.
  useLiveEvents(
    useCallback(
      (event: LiveEvent) => {
        if (!isCallAnswered(event)) return;
        const caller = event.data.aNumber ?? t('quick.withheld');
        setQuick({
          prefill: {
            channel: 'phone',
            query: event.data.answerGroup ?? '',
            description: t('quick.callFrom', { caller }),
          },
          seq: Date.now(),
        });
      },
      [t],
    ),
  );

  const onSaved = (saved: CaseView, open: boolean) => {
    setQuick(undefined);
    setRegistered(saved);
    if (open) navigate(hrefOf({ page: 'case', number: saved.number }));
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <Link href={hrefOf({ page: 'inbox' })}>{t('nav.inbox')}</Link>
          <Link href={hrefOf({ page: 'favourites' })} current={route.page === 'favourites'}>
            {t('nav.favourites')}
          </Link>
          {isAdmin(agent) && <Link href={hrefOf({ page: 'admin' })}>{t('admin.nav')}</Link>}
          <button
            type="button"
            className="header-button"
            aria-keyshortcuts="Alt+N"
            onClick={() => setQuick({ prefill: {}, seq: Date.now() })}
          >
            {t('quick.open')}
          </button>
          <QuickMenu />
        </nav>
        <div className="app-user">
          <NotificationCenter />
          <span>{t('user.signedInAs', { name: agent.name })}</span>
          <button
            type="button"
            lang={language === 'sv' ? 'en' : 'sv'}
            title={t('lang.switchLabel')}
            onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}
          >
            {t('lang.switch')}
          </button>
          <button type="button" onClick={() => void auth.logout()}>
            {t('user.logout')}
          </button>
        </div>
      </header>
      <div className="status-line" role="status">
        {registered !== undefined && (
          <>
            {t('quick.registered', { number: registered.number })}{' '}
            <Link href={hrefOf({ page: 'case', number: registered.number })}>{t('quick.openRegistered')}</Link>
          </>
        )}
      </div>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'inbox' && <InboxView inboxId={route.inboxId} />}
        {route.page === 'case' && <CaseCard key={route.number} number={route.number} />}
        {route.page === 'favourites' && <FavouritesView />}
        {route.page === 'admin' && (
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <AdminView section={route.section} />
          </Suspense>
        )}
        {route.page === 'not-found' && (
          <>
            <h1>{t('notFound.title')}</h1>
            <Link href="/">{t('notFound.back')}</Link>
          </>
        )}
      </main>
      {quick !== undefined && (
        <QuickRegistration
          key={quick.seq}
          prefill={quick.prefill}
          onClose={() => setQuick(undefined)}
          onSaved={onSaved}
        />
      )}
    </div>
  );
}
