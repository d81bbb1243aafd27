import type { CaseEventView, ReferralView } from '@arende/contracts';
import type { Page } from '../../api';
import { useI18n } from '../../i18n';
import { WarningIcon } from './icons';
import type { CaseTabProps } from './tab';
import { useLoaded } from './use-loaded';
import { warningText } from './warning-text';
import { caseWarnings } from './warnings';

/**
 * What the agent should be warned of: the customer waiting for an answer, a new reply, feedback owed, a
 * distributed case not acknowledged or its customer not contacted, referrals overdue or answered, secrecy,
 * personal data and the SLA target. (Whether an SLA deadline has passed is known to the SLA watcher only, which
 * reminds and escalates by notification.)
 */
export function WarningsTab({ caseView }: CaseTabProps) {
  const { t, language } = useI18n();
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}`;
  const referrals = useLoaded<{ items: ReferralView[] }>(`${path}/referrals`, caseView);
  const arrival = useLoaded<Page<CaseEventView>>(`${path}/events?kinds=distributed&limit=1`, caseView);
  const error = referrals.error ?? arrival.error;
  if (error !== undefined) return <p role="alert">{t('app.error', { message: error })}</p>;
  if (referrals.data === undefined || arrival.data === undefined) return <p>{t('app.loading')}</p>;
  const warnings = caseWarnings(caseView, referrals.data.items, arrival.data.items[0], new Date());
  if (warnings.length === 0) return <p>{t('tabs.warnings.none')}</p>;
  return (
    <ul className="warning-list">
      {warnings.map((warning, index) => (
        <li key={`${warning.kind}-${index}`} className={`warning warning-${warning.severity}`}>
          {warning.severity === 'warning' && <WarningIcon />}
          <span className="visually-hidden">
            {t(warning.severity === 'warning' ? 'tabs.warnings.warning' : 'tabs.warnings.info')}:
          </span>{' '}
          {warningText(t, language, warning)}
        </li>
      ))}
    </ul>
  );
}
