import { type FormEvent, useEffect, useId, useState } from 'react';
import type { EntryView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { ActionError } from './ActionError';
import { MAX_SMS_PARTS, smsCount } from './sms-count';
import { TemplatePicker } from './TemplatePicker';
import { templateValues } from './template-values';
import { type ActionProps, useAction } from './use-action';
import { useCaseCustomer } from './use-case-customer';

/** The number the customer last texted from, if they did. */
function lastSmsSender(entries: readonly EntryView[]): string | undefined {
  return [...entries].reverse().find((entry) => entry.kind === 'inbound_sms')?.from ?? undefined;
}

/** Reply by SMS (Alt+T): to the customer's mobile or the number they texted from, with a live part count. */
export function SmsReplyDialog({
  caseView,
  entries,
  onCancel,
  onDone,
  onReload,
}: ActionProps & { entries: readonly EntryView[] }) {
  const { t } = useI18n();
  const { api, agent } = useSession();
  const ids = useId();
  const customer = useCaseCustomer(caseView.number);
  const [to, setTo] = useState(() => lastSmsSender(entries) ?? '');
  const [text, setText] = useState('');
  const { error, run } = useAction(onReload);
  const count = smsCount(text);
  const tooLong = count.parts > MAX_SMS_PARTS;

  useEffect(() => {
    const mobile = customer?.mobilePhone;
    if (mobile) setTo((typed) => (typed === '' ? mobile : typed));
  }, [customer]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    void run(async () => {
      await api.send('POST', `/api/v1/cases/${caseView.number}/messages`, { channel: 'sms', to, text });
      onDone(t('sms.sent', { to }));
    });
  };

  return (
    <ActionDialog title={t('sms.title')} onClose={onCancel}>
      <form onSubmit={onSubmit}>
        <TemplatePicker
          values={templateValues(caseView, customer, agent.name)}
          onPick={(filled) => setText(filled.body)}
        />
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('sms.to')}</label>
          <input
            id={`${ids}-to`}
            type="tel"
            autoComplete="off"
            required
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-describedby={`${ids}-to-hint`}
            data-autofocus
          />
          <p id={`${ids}-to-hint`} className="hint">
            {t('sms.toHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('sms.text')}</label>
          <textarea
            id={`${ids}-text`}
            required
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${ids}-count ${ids}-alphabet`}
            aria-invalid={tooLong}
          />
          <p id={`${ids}-count`} className="hint sms-count">
            {t('sms.count', { units: count.units, parts: count.parts, left: count.left })}
          </p>
          <p id={`${ids}-alphabet`} className="hint">
            {count.encoding === 'gsm7' ? t('sms.gsm') : t('sms.ucs2')}
          </p>
          {tooLong && <p role="alert">{t('sms.tooLong', { max: MAX_SMS_PARTS })}</p>}
        </div>
        <ActionError error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={tooLong}>
            {t('sms.send')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}
