import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { WatchKind, WatchView } from '@arende/contracts';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ActionDialog } from './ActionDialog';
import { errorText } from '../../error-text';
import { useAltShortcut } from './action';
import { stockholmInputToIso } from './stockholm-time';

/**
 * Each kind watches a point in time (notifies if it has not happened by then) or a period (notifies when it
 * happens); as libs/contracts' PERIOD_WATCH_KINDS, typed here so a new kind fails to compile until it is shown.
 */
const WATCH_SHAPES: Record<WatchKind, 'point' | 'period'> = {
  no_handler: 'point',
  customer_reply: 'period',
  not_closed: 'point',
  customer_not_answered: 'point',
  referral_answered: 'period',
  case_changed: 'period',
};
const WATCH_KINDS = Object.keys(WATCH_SHAPES) as WatchKind[];
const isPeriod = (kind: WatchKind) => WATCH_SHAPES[kind] === 'period';

/** Watches (bevakningar, Alt+W): the agent's watches on the case, a new one of any of the six kinds, removal. */
export function WatchesAction({ number }: { number: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useAltShortcut('KeyW', () => setOpen(true));
  return (
    <>
      <button type="button" aria-keyshortcuts="Alt+W" onClick={() => setOpen(true)}>
        {t('watch.open')}
      </button>
      {open && <WatchesDialog number={number} onClose={() => setOpen(false)} />}
    </>
  );
}

function WatchesDialog({ number, onClose }: { number: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const path = `/api/v1/cases/${encodeURIComponent(number)}/watches`;
  const [watches, setWatches] = useState<WatchView[] | undefined>();
  const [kind, setKind] = useState<WatchKind>('no_handler');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const period = isPeriod(kind);

  const load = useCallback(
    (signal?: AbortSignal) =>
      api
        .get<{ items: WatchView[] }>(path, signal)
        .then((answer) => setWatches(answer.items))
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(errorText(language, e));
        }),
    [api, path, language],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

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

  const describe = (watch: WatchView) => {
    const end = formatDateTime(language, watch.endAt);
    const when = isPeriod(watch.kind)
      ? t('watch.period', { from: formatDateTime(language, watch.startAt ?? watch.createdAt), to: end })
      : t('watch.pointAt', { at: end });
    return `${t(`watch.kind.${watch.kind}`)} ${when}`;
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const endAt = stockholmInputToIso(to);
    const startAt = period ? stockholmInputToIso(from) : undefined;
    if (endAt === undefined) return;
    if (startAt !== undefined && Date.parse(startAt) >= Date.parse(endAt)) {
      setError(t('watch.periodOrder'));
      return;
    }
    void run(async () => {
      await api.send('POST', path, {
        kind,
        endAt,
        ...(startAt === undefined ? {} : { startAt }),
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      });
      setFrom('');
      setTo('');
      setComment('');
      setNotice(t('watch.added'));
      await load();
    });
  };

  const remove = (watch: WatchView) =>
    run(async () => {
      await api.send('DELETE', `${path}/${encodeURIComponent(watch.id)}`);
      setNotice(t('watch.deleted'));
      await load();
    });

  return (
    <ActionDialog title={t('watch.title')} onClose={onClose} className="follow-up-dialog">
      <section aria-labelledby={`${ids}-list`}>
        <h3 id={`${ids}-list`}>{t('watch.list')}</h3>
        {watches?.length === 0 && <p>{t('watch.none')}</p>}
        <ul className="watches">
          {watches?.map((watch) => {
            const what = describe(watch);
            return (
              <li key={watch.id} data-kind={watch.kind}>
                <span>
                  {what} · {t(`watch.outcome.${watch.outcome ?? 'active'}`)}
                  {watch.comment !== '' && <> · {watch.comment}</>}
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('watch.deleteLabel', { what })}
                  onClick={() => void remove(watch)}
                >
                  {t('watch.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <form aria-labelledby={`${ids}-new`} onSubmit={add}>
        <h3 id={`${ids}-new`}>{t('watch.newTitle')}</h3>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('watch.kind')}</label>
          <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as WatchKind)}>
            {WATCH_KINDS.map((each) => (
              <option key={each} value={each}>
                {t(`watch.kind.${each}`)}
              </option>
            ))}
          </select>
        </div>
        {period && (
          <div className="field">
            <label htmlFor={`${ids}-from`}>{t('watch.from')}</label>
            <input id={`${ids}-from`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-to`}>{period ? t('watch.to') : t('watch.at')}</label>
          <input id={`${ids}-to`} type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-comment`}>{t('watch.comment')}</label>
          <textarea id={`${ids}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('watch.add')}
          </button>
        </div>
      </form>
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
