import { type FormEvent, useId, useState } from 'react';
import { CASE_PRIORITIES, type CasePriority, type CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { ActionError } from './ActionError';
import { type ActionProps, useAction } from './use-action';

/** Priority (Alt+P): normal, prioritised or urgent, saved with the version the card read. */
export function PriorityDialog({ caseView, onCancel, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [priority, setPriority] = useState<CasePriority>(caseView.priority);
  const { error, run } = useAction(onReload);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (priority === caseView.priority) return onCancel();
    void run(async () => {
      const changed = await api.send<CaseView>('PATCH', `/api/v1/cases/${caseView.number}`, {
        version: caseView.version,
        changes: { priority },
      });
      onDone(t('priority.changed', { priority: t(`priority.${changed.priority}`) }), changed);
    });
  };

  return (
    <ActionDialog title={t('priority.title')} onClose={onCancel}>
      <form onSubmit={onSubmit}>
        <fieldset className="option-group">
          <legend>{t('case.priority')}</legend>
          {CASE_PRIORITIES.map((value) => (
            <div key={value} className="checkbox">
              <input
                id={`${ids}-${value}`}
                type="radio"
                name={`${ids}-priority`}
                value={value}
                checked={priority === value}
                onChange={() => setPriority(value)}
                data-autofocus={priority === value ? true : undefined}
              />
              <label htmlFor={`${ids}-${value}`}>{t(`priority.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <ActionError error={error} />
        <div className="actions">
          <button type="submit" className="primary">
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
