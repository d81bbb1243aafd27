import { isAgent } from '../../auth';
import { useId, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { errorText } from '../../error-text';
import { type ActionProps, useAltShortcut } from './action';

/** Who may force open a lock someone else holds (case-core checks it again). */
const FORCE_ROLES = ['supervisor', 'admin'];

/**
 * Lock and unlock (Alt+L): one button that locks the case to the agent or releases their lock; a supervisor or
 * admin forces someone else's lock open after confirming it in a dialog. Who holds it and since when is in the
 * card's Other panel and, for a lock the agent cannot open, in the button's description.
 */
export function LockAction({ caseView, onChanged, onNotice, onError }: ActionProps) {
  const { t, language } = useI18n();
  const { api, agent } = useSession();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [confirmForce, setConfirmForce] = useState(false);
  const [dialogError, setDialogError] = useState<string | undefined>();
  const lock = caseView.lock;
  const mine = lock !== null && isAgent(agent, lock.holderId);
  const mayForce = agent.roles.some((role) => FORCE_ROLES.includes(role));
  const holder = lock === null ? '' : (lock.holderName ?? lock.holderId);
  const since = lock === null ? '' : formatDateTime(language, lock.since);
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}/lock`;

  const send = async (method: 'POST' | 'DELETE', url: string, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      onChanged(await api.send<CaseView>(method, url));
      onNotice(done);
      return true;
    } catch (e) {
      if (confirmForce) setDialogError(errorText(language, e));
      else onError(errorText(language, e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const act = () => {
    if (busy) return;
    if (lock === null) void send('POST', path, t('lock.locked'));
    else if (mine) void send('DELETE', path, t('lock.unlocked'));
    else if (mayForce) setConfirmForce(true);
  };
  useAltShortcut('KeyL', act);

  const force = async () => {
    if (busy) return;
    if (await send('DELETE', `${path}?force=true`, t('lock.forced'))) setConfirmForce(false);
  };

  const label = lock === null ? t('lock.lock') : mine || !mayForce ? t('lock.unlock') : t('lock.force');
  const blocked = lock !== null && !mine && !mayForce;
  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="Alt+L"
        disabled={busy || blocked}
        aria-describedby={blocked ? `${ids}-held` : undefined}
        onClick={act}
      >
        {label}
      </button>
      {blocked && (
        <span id={`${ids}-held`} className="visually-hidden">
          {t('lock.heldByOther', { name: holder, since })}
        </span>
      )}
      {confirmForce && (
        <ActionDialog
          title={t('lock.forceTitle')}
          onClose={() => {
            setConfirmForce(false);
            setDialogError(undefined);
          }}
        >
          <p>{t('lock.forceText', { name: holder, since })}</p>
          {dialogError !== undefined && <p role="alert">{t('app.error', { message: dialogError })}</p>}
          <div className="actions">
            <button type="button" onClick={() => setConfirmForce(false)}>
              {t('lock.cancel')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void force()}>
              {t('lock.forceConfirm')}
            </button>
          </div>
        </ActionDialog>
      )}
    </>
  );
}
