import { type FormEvent, useId, useState } from 'react';
import { CASE_TRANSITIONS, type CaseStatus, type CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { ActionError } from './ActionError';
import { type ActionProps, useAction } from './use-action';

/** Status (Alt+U): one of the statuses the case may go to from its own, with a reason and, parked, until when. */
export function StatusDialog({ caseView, onCancel, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const allowed = CASE_TRANSITIONS[caseView.status];
  const [to, setTo] = useState<CaseStatus | undefined>(allowed[0]);
  const [parkedUntil, setParkedUntil] = useState('');
  const [reason, setReason] = useState('');
  const { error, run } = useAction(onReload);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (to === undefined) return;
    void run(async () => {
      const changed = await api.send<CaseView>('POST', `/api/v1/cases/${caseView.number}/status`, {
        version: caseView.version,
        to,
        ...(to === 'parked' && parkedUntil !== '' ? { parkedUntil: new Date(parkedUntil).toISOString() } : {}),
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      });
      onDone(t('statusChange.changed', { status: t(`status.${changed.status}`) }), changed);
    });
  };

  return (
    <ActionDialog title={t('statusChange.title')} onClose={onCancel}>
      <form onSubmit={onSubmit}>
        {allowed.length === 0 ? (
          <p>{t('statusChange.none')}</p>
        ) : (
          <fieldset className="option-group">
            <legend>{t('statusChange.legend', { status: t(`status.${caseView.status}`) })}</legend>
            {allowed.map((value, index) => (
              <div key={value} className="checkbox">
                <input
                  id={`${ids}-${value}`}
                  type="radio"
                  name={`${ids}-status`}
                  value={value}
                  checked={to === value}
                  onChange={() => setTo(value)}
                  data-autofocus={index === 0 ? true : undefined}
                />
                <label htmlFor={`${ids}-${value}`}>{t(`status.${value}`)}</label>
              </div>
            ))}
          </fieldset>
        )}
        {to === 'parked' && (
          <div className="field">
            <label htmlFor={`${ids}-until`}>{t('statusChange.parkedUntil')}</label>
            <input
              id={`${ids}-until`}
              type="datetime-local"
              value={parkedUntil}
              onChange={(event) => setParkedUntil(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('statusChange.reason')}</label>
          <input id={`${ids}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
        <ActionError error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={to === undefined}>
            {t('actions.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}
