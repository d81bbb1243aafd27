import { useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { errorText, isVersionConflict } from '../../error-text';

/** What every action dialog gets from the case card. */
export interface ActionProps {
  caseView: CaseView;
  onCancel: () => void;
  /** The action is done: what to tell the agent, and the case as it is now when the call answered it. */
  onDone: (notice: string, changed?: CaseView) => void;
  /** Read the case again (after a version conflict the dialog stays open on the fresh version). */
  onReload: () => void;
}

/**
 * Runs an action's call once at a time (the buttons stay enabled, so the focus stays where it is) and turns its
 * failure into a message; on CASE.VERSION_CONFLICT the case card reloads the case, so the agent can choose again
 * on what is there now.
 */
export function useAction(onReload: () => void) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (call: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await call();
    } catch (e) {
      if (isVersionConflict(e)) {
        setError(t('actions.conflict'));
        onReload();
      } else {
        setError(errorText(language, e));
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
