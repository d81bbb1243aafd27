import { useEffect, useRef, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { CopyDialog } from './CopyDialog';
import { DistributeDialog } from './DistributeDialog';
import { ReferralDialog } from './ReferralDialog';
import { RelateDialog } from './RelateDialog';

type Action = 'distribute' | 'referral' | 'relate' | 'copy';

const SHORTCUTS: Record<string, Action> = { KeyB: 'distribute', KeyI: 'referral', KeyJ: 'relate', KeyC: 'copy' };

/**
 * The case card's buttons that send the case on or tie it to others, with their shortcuts (Alt+B distribute,
 * Alt+I referral, Alt+J relate, Alt+C copy) and their dialogs. `onChanged` gets what to tell the agent, and the
 * case as the API answered when the action changed it.
 */
export function DistributionActions({
  caseView,
  disabled,
  onChanged,
}: {
  caseView: CaseView;
  disabled: boolean;
  onChanged: (notice: string, changed?: CaseView) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Action | undefined>();
  const closed = caseView.status === 'closed';
  const allowed = (action: Action) => !disabled && (action === 'copy' || !closed);

  // The shortcuts work wherever the focus is on the card, unless a dialog is open.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onKey.current = (event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]') !== null) return;
    const action = SHORTCUTS[event.code];
    if (action === undefined) return;
    event.preventDefault();
    if (allowed(action)) setOpen(action);
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const button = (action: Action, shortcut: string) => (
    <button type="button" aria-keyshortcuts={shortcut} disabled={!allowed(action)} onClick={() => setOpen(action)}>
      {t(`actions.${action}`)}
    </button>
  );
  const dismiss = () => setOpen(undefined);

  return (
    <>
      {button('distribute', 'Alt+B')}
      {button('referral', 'Alt+I')}
      {button('relate', 'Alt+J')}
      {button('copy', 'Alt+C')}
      {open === 'distribute' && (
        <DistributeDialog
          caseView={caseView}
          onClose={dismiss}
          onDistributed={(distributed, notice) => {
            dismiss();
            onChanged(notice, distributed);
          }}
        />
      )}
      {open === 'referral' && (
        <ReferralDialog
          caseView={caseView}
          onClose={dismiss}
          onSent={(referral) => onChanged(t('referral.sent', { number: referral.referralNumber }))}
        />
      )}
      {open === 'relate' && (
        <RelateDialog caseView={caseView} onClose={dismiss} onChanged={(notice) => onChanged(notice)} />
      )}
      {open === 'copy' && <CopyDialog caseView={caseView} onClose={dismiss} />}
    </>
  );
}
