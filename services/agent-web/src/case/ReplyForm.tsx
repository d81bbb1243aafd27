import { type FormEvent, useId, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { TemplatePicker } from './actions/TemplatePicker';
import { templateValues } from './actions/template-values';
import { useCaseCustomer } from './actions/use-case-customer';

/** Reply by e-mail; the mail goes out with the case number in its subject so the answer threads back. */
export function ReplyForm({
  caseView,
  defaultTo,
  onSent,
  onCancel,
}: {
  caseView: CaseView;
  defaultTo: string;
  onSent: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { api, agent } = useSession();
  const ids = useId();
  const customer = useCaseCustomer(caseView.number);
  const [to, setTo] = useState(defaultTo);
  const [subject, setSubject] = useState(caseView.title);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      await api.send('POST', `/api/v1/cases/${caseView.number}/messages`, { to, subject, text });
      onSent();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
      setSending(false);
    }
  };

  return (
    <form className="reply-form" aria-labelledby={`${ids}-title`} onSubmit={(event) => void onSubmit(event)}>
      <h2 id={`${ids}-title`}>{t('reply.title')}</h2>
      <TemplatePicker
        values={templateValues(caseView, customer, agent.name)}
        onPick={(filled) => {
          setSubject(filled.subject);
          setText(filled.body);
        }}
      />
      <div className="field">
        <label htmlFor={`${ids}-to`}>{t('reply.to')}</label>
        <input id={`${ids}-to`} type="email" required value={to} onChange={(e) => setTo(e.target.value)} autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-subject`}>{t('reply.subject')}</label>
        <input id={`${ids}-subject`} required value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-text`}>{t('reply.text')}</label>
        <textarea id={`${ids}-text`} required rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={sending}>
          {t('reply.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('reply.cancel')}
        </button>
      </div>
    </form>
  );
}
