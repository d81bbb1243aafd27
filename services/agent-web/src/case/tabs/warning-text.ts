import { formatDateTime } from '../../format';
import type { Language, Translate } from '../../i18n';
import type { CaseWarning } from './warnings';

/** A warning as one sentence for the agent. */
export function warningText(t: Translate, language: Language, warning: CaseWarning): string {
  const at = (iso: string) => formatDateTime(language, iso);
  switch (warning.kind) {
    case 'unanswered':
      return t('tabs.warning.unanswered');
    case 'customer-replied':
      return t('tabs.warning.customerReplied', { at: at(warning.at) });
    case 'feedback-required':
      return t('tabs.warning.feedbackRequired', { inbox: warning.inboxId });
    case 'not-acknowledged':
      return t('tabs.warning.notAcknowledged', { since: at(warning.since) });
    case 'customer-not-contacted':
      return t('tabs.warning.customerNotContacted', { since: at(warning.since) });
    case 'referral-overdue':
      return t('tabs.warning.referralOverdue', { referral: warning.referralNumber, replyBy: at(warning.replyBy) });
    case 'referral-answered':
      return t('tabs.warning.referralAnswered', { referral: warning.referralNumber, at: at(warning.at) });
    case 'referral-pending':
      return t('tabs.warning.referralPending', { referral: warning.referralNumber, replyBy: at(warning.replyBy) });
    case 'secret':
      return warning.paragraph === null
        ? t('tabs.warning.secret')
        : t('tabs.warning.secretParagraph', { paragraph: warning.paragraph });
    case 'personal-data':
      return t('tabs.warning.personalData');
    case 'sla': {
      const parts = [
        warning.responseMinutes === null ? null : t('tabs.warning.slaResponse', { minutes: warning.responseMinutes }),
        warning.resolutionHours === null ? null : t('tabs.warning.slaResolution', { hours: warning.resolutionHours }),
      ].filter((part) => part !== null);
      return t('tabs.warning.sla', { target: parts.join(', ') });
    }
  }
}
