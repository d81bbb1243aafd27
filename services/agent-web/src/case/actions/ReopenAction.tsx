import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { errorText } from '../../error-text';
import { type ActionProps, useAltShortcut } from './action';
import { stockholmInputToIso } from './stockholm-time';

interface ScheduledReopen {
  number: string;
  at: string;
  reason: string | null;
  scheduledBy: string;
}

const reopenable = (view: CaseView) => view.status === 'closed' || view.status === 'resolved';

/**
 * Reopen (Alt+Q): a resolved or closed case now, or at a date and time the SLA watcher keeps; the dialog shows
 * a schedule already made and lets the agent cancel it.
 */
export function ReopenAction({ caseView, onChanged, onNotice }: ActionProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const enabled = reopenable(caseView);
  useAltShortcut('KeyQ', () => {
    if (enabled) setOpen(true);
  });
  return (
    <>
      <button type="button" aria-keyshortcuts="Alt+Q" disabled={!enabled} onClick={() => setOpen(true)}>
        {t('reopen.open')}
      </button>
      {open && (
        <ReopenDialog
          caseView={caseView}
          onClose={() => setOpen(false)}
          onReopened={(view) => {
            setOpen(false);
            onChanged(view);
            onNotice(t('reopen.reopened'));
          }}
        />
      )}
    </>
  );
}

function ReopenDialog({
  caseView,
  onClose,
  onReopened,
}: {
  caseView: CaseView;
  onClose: () => void;
  onReopened: (view: CaseView) => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}`;
  const [scheduled, setScheduled] = useState<ScheduledReopen | null | undefined>();
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<{ scheduled: ScheduledReopen | null }>(`${path}/scheduled-reopen`, abort.signal)
      .then((answer) => setScheduled(answer.scheduled))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, path, language]);

  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  const reopenNow = () =>
    run(async () => {
      onReopened(await api.send<CaseView>('POST', `${path}/status`, { version: caseView.version, to: 'reopened' }));
    });

  const schedule = (event: FormEvent) => {
    event.preventDefault();
    const iso = stockholmInputToIso(at);
    if (iso === undefined) return;
    void run(async () => {
      const trimmed = reason.trim();
      const made = await api.send<ScheduledReopen>('PUT', `${path}/scheduled-reopen`, {
        at: iso,
        ...(trimmed === '' ? {} : { reason: trimmed }),
      });
      setScheduled(made);
      setNotice(t('reopen.scheduled', { at: formatDateTime(language, made.at) }));
    });
  };

  const cancel = () =>
    run(async () => {
      await api.send('DELETE', `${path}/scheduled-reopen`);
      setScheduled(null);
      setNotice(t('reopen.cancelled'));
    });

  return (
    <ActionDialog title={t('reopen.title')} onClose={onClose} className="follow-up-dialog">
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void reopenNow()}>
          {t('reopen.now')}
        </button>
      </div>
      <section aria-labelledby={`${ids}-schedule`}>
        <h3 id={`${ids}-schedule`}>{t('reopen.scheduleTitle')}</h3>
        {scheduled === null && <p>{t('reopen.noSchedule')}</p>}
        {scheduled !== null && scheduled !== undefined && (
          <div className="scheduled-reopen">
            <p>{t('reopen.scheduledAt', { at: formatDateTime(language, scheduled.at) })}</p>
            {scheduled.reason !== null && <p>{t('reopen.scheduledReason', { reason: scheduled.reason })}</p>}
            <button type="button" disabled={busy} onClick={() => void cancel()}>
              {t('reopen.cancel')}
            </button>
          </div>
        )}
        <form onSubmit={schedule}>
          <div className="field">
            <label htmlFor={`${ids}-at`}>{t('reopen.at')}</label>
            <input id={`${ids}-at`} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-reason`}>{t('reopen.reason')}</label>
            <textarea id={`${ids}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('reopen.schedule')}
            </button>
          </div>
        </form>
      </section>
      <div role="status" className="notice-line">
        {notice}
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('action.dialogClose')}
        </button>
      </div>
    </ActionDialog>
  );
}
