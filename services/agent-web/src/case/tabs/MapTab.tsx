import { Suspense, lazy } from 'react';
import { useI18n } from '../../i18n';
import type { CaseTabProps } from './tab';

// The map brings Leaflet: loaded when the tab is first opened, not with the inbox.
const CaseMapPanel = lazy(() => import('../map/CaseMapPanel').then((m) => ({ default: m.CaseMapPanel })));

/** The case's position or area on a map. */
export function MapTab({ caseView, onChanged, summoned }: CaseTabProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('app.loading')}</p>}>
      <CaseMapPanel caseView={caseView} onSaved={onChanged} summoned={summoned} />
    </Suspense>
  );
}
