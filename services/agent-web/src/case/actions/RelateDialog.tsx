import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CaseRelations, CaseView } from '@arende/contracts';
import { ApiError } from '../../api';
import { type Language, translate, useI18n } from '../../i18n';
import { useSession } from '../../session';
import { errorText } from '../../error-text';
import { ActionDialog } from './ActionDialog';

const REASONS = ['self', 'nested', 'not-a-child'] as const;

/** The contracts' CASE_NUMBER_PATTERN (the client takes only types from the contracts, not their runtime). */
const CASE_NUMBER = /^[0-9]{4}-[0-9]{6}$/;

/** CASE.RELATION_INVALID says why in `details.reason`; the agent reads that rather than the code. */
function relationError(language: Language, error: unknown): string {
  if (error instanceof ApiError && error.code === 'CASE.RELATION_INVALID') {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    const known = REASONS.find((r) => r === reason);
    if (known !== undefined) return translate(language, `relate.invalid.${known}`);
  }
  return errorText(language, error);
}

const casePath = (number: string) => `/api/v1/cases/${encodeURIComponent(number)}`;

/**
 * Relate this case to another by its number, as master (the other becomes its child) or as child; remove a
 * relation. Relations are one level deep (master and children), as the API keeps them.
 */
export function RelateDialog({
  caseView,
  onClose,
  onChanged,
}: {
  caseView: CaseView;
  onClose: () => void;
  onChanged: (notice: string) => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [relations, setRelations] = useState<CaseRelations | undefined>();
  const [other, setOther] = useState('');
  const [role, setRole] = useState<'master' | 'child'>('master');
  const [inherit, setInherit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<CaseRelations>(`${casePath(caseView.number)}/relations`, abort.signal)
      .then(setRelations)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, caseView.number]);

  /** Runs a change, then shows this case's relations as they are now. */
  const change = async (run: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await run();
      setRelations(await api.get<CaseRelations>(`${casePath(caseView.number)}/relations`));
      setNotice(done);
      onChanged(done);
    } catch (e) {
      setError(relationError(language, e));
    } finally {
      setBusy(false);
    }
  };

  const relate = (event: FormEvent) => {
    event.preventDefault();
    const number = other.trim();
    if (!CASE_NUMBER.test(number)) {
      setError(t('relate.badNumber'));
      return;
    }
    const [master, child] = role === 'master' ? [caseView.number, number] : [number, caseView.number];
    void change(
      async () => {
        await api.send('POST', `${casePath(master)}/children`, { childNumbers: [child], inheritCaseType: inherit });
        setOther('');
      },
      t('relate.related', { master, child }),
    );
  };

  const unrelate = (master: string, child: string) =>
    void change(
      () => api.send('DELETE', `${casePath(master)}/children/${encodeURIComponent(child)}`),
      t('relate.removed', { master, child }),
    );

  const { master, children } = relations ?? { master: null, children: [] };
  return (
    <ActionDialog title={t('relate.title', { number: caseView.number })} className="relate-dialog" onClose={onClose}>
      {(close) => (
        <form onSubmit={relate}>
          <div className="field">
            <label htmlFor={`${ids}-other`}>{t('relate.other')}</label>
            <input
              id={`${ids}-other`}
              required
              autoComplete="off"
              aria-describedby={`${ids}-other-hint`}
              value={other}
              onChange={(e) => setOther(e.target.value)}
            />
            <p id={`${ids}-other-hint`} className="hint">
              {t('relate.otherHint')}
            </p>
          </div>
          <fieldset>
            <legend>{t('relate.role')}</legend>
            {(['master', 'child'] as const).map((value) => (
              <div className="radio" key={value}>
                <input
                  id={`${ids}-role-${value}`}
                  type="radio"
                  name={`${ids}-role`}
                  checked={role === value}
                  onChange={() => setRole(value)}
                />
                <label htmlFor={`${ids}-role-${value}`}>{t(`relate.role.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="checkbox">
            <input
              id={`${ids}-inherit`}
              type="checkbox"
              checked={inherit}
              onChange={(e) => setInherit(e.target.checked)}
            />
            <label htmlFor={`${ids}-inherit`}>{t('relate.inheritCaseType')}</label>
          </div>
          <div role="status" className="notice-line">
            {notice}
          </div>
          {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('relate.submit')}
            </button>
            <button type="button" onClick={close}>
              {t('actions.close')}
            </button>
          </div>
          <section aria-labelledby={`${ids}-current`} className="relation-list">
            <h3 id={`${ids}-current`}>{t('relate.current')}</h3>
            {relations !== undefined && master === null && children.length === 0 && <p>{t('relate.noRelations')}</p>}
            {master !== null && (
              <p>
                {t('relate.master', { number: master.number, title: master.title })}{' '}
                <button type="button" disabled={busy} onClick={() => unrelate(master.number, caseView.number)}>
                  {t('relate.detachMaster', { number: master.number })}
                </button>
              </p>
            )}
            {children.length > 0 && (
              <>
                <h4>{t('relate.children')}</h4>
                <ul>
                  {children.map((child) => (
                    <li key={child.number}>
                      {child.number} {child.title} ({t(`status.${child.status}`)}){' '}
                      <button type="button" disabled={busy} onClick={() => unrelate(caseView.number, child.number)}>
                        {t('relate.removeChild', { number: child.number })}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </form>
      )}
    </ActionDialog>
  );
}
