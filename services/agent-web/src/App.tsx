import { useEffect, useRef } from 'react';
import { Link } from './Link';
import { useI18n } from './i18n';
import { InboxView } from './inbox/InboxView';
import { hrefOf, useRoute } from './router';
import { useSession } from './session';

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { agent, auth } = useSession();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);

  // A new page moves the focus to its content, as a page load would for a screen reader.
  useEffect(() => {
    main.current?.focus();
  }, [route]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <Link href={hrefOf({ page: 'inbox' })}>{t('nav.inbox')}</Link>
        </nav>
        <div className="app-user">
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
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'inbox' && <InboxView inboxId={route.inboxId} />}
        {route.page === 'case' && <p>{route.number}</p>}
        {route.page === 'not-found' && (
          <>
            <h1>{t('notFound.title')}</h1>
            <Link href="/">{t('notFound.back')}</Link>
          </>
        )}
      </main>
    </div>
  );
}
