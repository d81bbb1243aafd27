import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { ActionError } from './ActionError';
import { TemplatePicker } from './TemplatePicker';
import { templateValues } from './template-values';
import { type ActionProps, useAction } from './use-action';
import { useCaseCustomer } from './use-case-customer';

/** Phone note (Alt+O): what was said on a call, on the case's timeline; staff only unless the customer may see it. */
export function PhoneNoteDialog({ caseView, onCancel, onDone, onReload }: ActionProps) {
  const { t } = useI18n();
  const { api, agent } = useSession();
  const ids = useId();
  const customer = useCaseCustomer(caseView.number);
  const [text, setText] = useState('');
  const [customerVisible, setCustomerVisible] = useState(false);
  const { error, run } = useAction(onReload);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.send('POST', `/api/v1/cases/${caseView.number}/entries`, {
        kind: 'phone_note',
        text,
        visibility: customerVisible ? 'customer' : 'staff',
      });
      onDone(t('note.saved'));
    });
  };

  return (
    <ActionDialog title={t('note.title')} onClose={onCancel}>
      <form onSubmit={onSubmit}>
        <TemplatePicker
          values={templateValues(caseView, customer, agent.name)}
          onPick={(filled) => setText(filled.body)}
        />
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('note.text')}</label>
          <textarea
            id={`${ids}-text`}
            required
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-autofocus
          />
        </div>
        <div className="checkbox">
          <input
            id={`${ids}-visible`}
            type="checkbox"
            checked={customerVisible}
            onChange={(event) => setCustomerVisible(event.target.checked)}
          />
          <label htmlFor={`${ids}-visible`}>{t('note.customerVisible')}</label>
        </div>
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
