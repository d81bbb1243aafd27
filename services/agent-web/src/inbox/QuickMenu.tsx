import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../Link';
import { hrefOf, useLocationSearch, useRoute } from '../router';
import { useSavedSearches } from './saved-searches';

/** The header's personal quick menu: the agent's saved searches, each a link to the inbox with its filters. */
export function QuickMenu() {
  const { t } = useI18n();
  const saved = useSavedSearches();
  const menu = useRef<HTMLDetailsElement>(null);
  const route = useRoute();
  const query = useLocationSearch();
  // A chosen link closes the menu, as a menu does.
  useEffect(() => {
    if (menu.current !== null) menu.current.open = false;
  }, [route, query]);
  return (
    <details className="quick-menu" ref={menu}>
      <summary>{t('inboxView.quickMenu')}</summary>
      <div className="quick-menu-panel">
        {saved.items.length === 0 && <p>{t('inboxView.quickMenuEmpty')}</p>}
        <ul aria-label={t('inboxView.quickMenu')}>
          {saved.items.map((search) => (
            <li key={search.name}>
              <Link href={hrefOf({ page: 'inbox', inboxId: search.inboxId }) + search.query}>{search.name}</Link>
              <button
                type="button"
                aria-label={t('inboxView.remove', { name: search.name })}
                onClick={() => void saved.remove(search.name).catch(() => undefined)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
