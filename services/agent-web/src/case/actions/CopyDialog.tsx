import { useEffect, useId, useRef, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { hrefOf, navigate } from '../../router';
import { useSession } from '../../session';
import { errorText } from '../../error-text';
import { ActionDialog } from './ActionDialog';

/** Copy the case into a new one (optionally with its entries), then offer to open the copy. */
export function CopyDialog({ caseView, onClose }: { caseView: CaseView; onClose: () => void }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [withEntries, setWithEntries] = useState(false);
  const [copy, setCopy] = useState<CaseView | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const openButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (copy !== undefined) openButton.current?.focus();
  }, [copy]);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setCopy(
        await api.send<CaseView>('POST', `/api/v1/cases/${encodeURIComponent(caseView.number)}/copy`, { withEntries }),
      );
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionDialog title={t('copy.title', { number: caseView.number })} className="copy-dialog" onClose={onClose}>
      {(close) =>
        copy === undefined ? (
          <>
            <p id={`${ids}-explain`}>{t('copy.explain')}</p>
            <div className="checkbox">
              <input
                id={`${ids}-entries`}
                type="checkbox"
                checked={withEntries}
                onChange={(e) => setWithEntries(e.target.checked)}
              />
              <label htmlFor={`${ids}-entries`}>{t('copy.withEntries')}</label>
            </div>
            {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={busy}
                aria-describedby={`${ids}-explain`}
                onClick={() => void run()}
              >
                {t('copy.submit')}
              </button>
              <button type="button" onClick={close}>
                {t('actions.cancel')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p role="status">{t('copy.done', { number: copy.number })}</p>
            <div className="actions">
              <button
                ref={openButton}
                type="button"
                className="primary"
                onClick={() => {
                  close();
                  navigate(hrefOf({ page: 'case', number: copy.number }));
                }}
              >
                {t('copy.open', { number: copy.number })}
              </button>
              <button type="button" onClick={close}>
                {t('actions.close')}
              </button>
            </div>
          </>
        )
      }
    </ActionDialog>
  );
}
