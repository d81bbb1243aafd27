import type { ReactNode } from 'react';
import { Link } from '../Link';
import { type MessageKey, useI18n } from '../i18n';
import { ADMIN_SECTIONS, type AdminSection, hrefOf } from '../router';
import { useSession } from '../session';
import { CalendarsAdmin } from './CalendarsAdmin';
import { InboxesAdmin } from './InboxesAdmin';
import { ReferenceAdmin } from './ReferenceAdmin';
import { TemplatesAdmin } from './TemplatesAdmin';
import { isAdmin } from './role';

const VIEWS: Record<AdminSection, () => ReactNode> = {
  templates: TemplatesAdmin,
  'case-types': ReferenceAdmin,
  inboxes: InboxesAdmin,
  calendars: CalendarsAdmin,
};

/** Administration (admins only; the gateway refuses everyone else's writes anyway). */
export function AdminView({ section }: { section?: AdminSection }) {
  const { t } = useI18n();
  const { agent } = useSession();
  if (!isAdmin(agent)) {
    return (
      <>
        <h1>{t('admin.title')}</h1>
        <p>{t('admin.forbidden')}</p>
      </>
    );
  }
  const View = section === undefined ? undefined : VIEWS[section];
  return (
    <div className="admin">
      <nav aria-label={t('admin.title')} className="admin-nav">
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s}>
              <Link href={hrefOf({ page: 'admin', section: s })} current={s === section}>
                {t(`admin.${s}` as MessageKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <h1>{section === undefined ? t('admin.title') : t(`admin.${section}` as MessageKey)}</h1>
        {View === undefined ? (
          <ul className="admin-overview">
            {ADMIN_SECTIONS.map((s) => (
              <li key={s}>
                <Link href={hrefOf({ page: 'admin', section: s })}>{t(`admin.${s}` as MessageKey)}</Link>
                {' – '}
                {t(`admin.${s}.about` as MessageKey)}
              </li>
            ))}
          </ul>
        ) : (
          <View />
        )}
      </div>
    </div>
  );
}
