import type { CaseView, EntryView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { CASE_ACTIONS, type CaseAction, availableWhenClosed } from './actions';
import { AssignDialog } from './AssignDialog';
import { PhoneNoteDialog } from './PhoneNoteDialog';
import { PriorityDialog } from './PriorityDialog';
import { SmsReplyDialog } from './SmsReplyDialog';
import { StatusDialog } from './StatusDialog';
import type { ActionProps } from './use-action';

/** Whether the action can be opened on the case as it is. */
export function canOpen(action: CaseAction, caseView: CaseView): boolean {
  return caseView.status !== 'closed' || availableWhenClosed(action);
}

/** The toolbar's buttons of the dialog actions, each named with its shortcut. */
export function CaseActionButtons({
  caseView,
  disabled,
  onOpen,
}: {
  caseView: CaseView;
  disabled: boolean;
  onOpen: (action: CaseAction) => void;
}) {
  const { t } = useI18n();
  return CASE_ACTIONS.map((action) => (
    <button
      key={action.id}
      type="button"
      aria-keyshortcuts={action.shortcut}
      disabled={disabled || !canOpen(action.id, caseView)}
      onClick={() => onOpen(action.id)}
    >
      {t(action.label)}
    </button>
  ));
}

/** The open action's dialog. */
export function CaseActionDialog({
  action,
  entries,
  ...props
}: ActionProps & { action: CaseAction; entries: readonly EntryView[] }) {
  switch (action) {
    case 'sms':
      return <SmsReplyDialog {...props} entries={entries} />;
    case 'phoneNote':
      return <PhoneNoteDialog {...props} />;
    case 'assign':
      return <AssignDialog {...props} />;
    case 'priority':
      return <PriorityDialog {...props} />;
    case 'status':
      return <StatusDialog {...props} />;
  }
}
