import type { CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { WarningIcon } from './icons';
import { warningText } from './warning-text';
import { inboxWarnings } from './warnings';

/**
 * The warning sign of an inbox row, naming the warnings, when the case's fields give any that call for action
 * (the customer waiting for an answer, feedback owed, secrecy). The listing carries no notes or referrals.
 */
export function InboxWarningSignal({ item }: { item: CaseView }) {
  const { t, language } = useI18n();
  const warnings = inboxWarnings(item);
  if (warnings.length === 0) return null;
  const text = t('tabs.inbox.warnings', {
    warnings: warnings.map((warning) => warningText(t, language, warning)).join(' '),
  });
  return (
    <span className="signal signal-warning" title={text}>
      <WarningIcon />
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
