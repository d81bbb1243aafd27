import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CaseView, EntryView } from '@arende/contracts';
import { ApiError, type Page } from '../api';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { isCaseEvent } from '../event-stream';
import { useLiveEvents } from '../live';
import { useSession } from '../session';
import { useReferenceNames } from '../reference';
import { DistributionActions } from './actions/DistributionActions';
import { errorText } from '../error-text';
import { MailBody } from './MailBody';
import { ReplyForm } from './ReplyForm';
import { CaseTabs } from './tabs/CaseTabs';
import { CaseDetailsForm } from './CaseDetailsForm';
import { FavouriteStar } from './actions/FavouriteStar';
import { LockAction } from './actions/LockAction';
import { ReopenAction } from './actions/ReopenAction';
import { WatchesAction } from './actions/WatchesAction';
import type { ActionProps } from './actions/action';
import { type CaseAction, actionOfKey } from './actions/actions';
import { CaseActionButtons, CaseActionDialog, canOpen } from './actions/CaseActions';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * A case: the registration, content and other panels, the timeline of entries, and the actions assign to me
 * (Alt+M), reply by e-mail (Alt+R) and close (Alt+K, with the warning when the customer wanted an answer); the
 * dialogs of actions/: reply by SMS, phone note, assign to someone, priority, status, distribute, referral,
 * relate, copy, reopen (Alt+Q), lock (Alt+L), favourite (Alt+G) and watches (Alt+W).
 */
export function CaseCard({ number }: { number: string }) {
  const { t, language } = useI18n();
  const { api, agent } = useSession();
  const [found, setFound] = useState<CaseView | undefined>();
  const [entries, setEntries] = useState<EntryView[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [replying, setReplying] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [action, setAction] = useState<CaseAction | undefined>();
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const caseTypes = useReferenceNames(api, 'case-type');
  const categories = useReferenceNames(api, 'category');
  const areas = useReferenceNames(api, 'area');
  const orgUnits = useReferenceNames(api, 'org-unit');

  useEffect(() => {
    const abort = new AbortController();
    const path = `/api/v1/cases/${encodeURIComponent(number)}`;
    Promise.all([
      api.get<CaseView>(path, abort.signal),
      api.get<Page<EntryView>>(`${path}/entries?order=asc&limit=100`, abort.signal),
    ])
      .then(([view, page]) => {
        setFound(view);
        setEntries(page.items);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api, number, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useLiveEvents(
    useCallback(
      (event) => {
        if (isCaseEvent(event, number)) reload();
      },
      [reload, number],
    ),
  );

  useEffect(() => {
    if (confirmClose) confirmDialog.current?.showModal();
  }, [confirmClose]);

  // When the edit form is gone, back to the button that opened it.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const act = async (run: () => Promise<CaseView>, done: string) => {
    if (busy) return;
    setBusy(true);
    try {
      setFound(await run());
      setNotice(done);
      setError(undefined);
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  const assignToMe = () => {
    if (found === undefined || found.status === 'closed') return;
    void act(
      () =>
        api.send<CaseView>('PUT', `/api/v1/cases/${found.number}/assignee`, {
          version: found.version,
          assigneeId: agent.username,
          assigneeName: agent.name,
        }),
      t('card.assigned'),
    );
  };

  const close = async (confirmUnanswered: boolean) => {
    if (!found || busy || (found.status === 'closed' && !confirmUnanswered)) return;
    setBusy(true);
    try {
      const closed = await api.send<CaseView>('POST', `/api/v1/cases/${found.number}/status`, {
        version: found.version,
        to: 'closed',
        ...(confirmUnanswered ? { confirmUnanswered: true } : {}),
      });
      setFound(closed);
      setNotice(t('card.closed'));
      setConfirmClose(false);
      setError(undefined);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CASE.CUSTOMER_NOT_ANSWERED') setConfirmClose(true);
      else setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  // The card's shortcuts work wherever the focus is while the card is shown.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onKey.current = (event: KeyboardEvent) => {
    if (event.key === 'F2' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (found !== undefined && found.status !== 'closed' && document.querySelector('dialog[open]') === null) {
        setEditing(true);
      }
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]') !== null) return;
    if (event.code === 'KeyM') {
      event.preventDefault();
      assignToMe();
    } else if (event.code === 'KeyK') {
      event.preventDefault();
      void close(false);
    } else if (event.code === 'KeyR') {
      event.preventDefault();
      setReplying(true);
    } else {
      const next = actionOfKey(event.code);
      if (next === undefined) return;
      event.preventDefault();
      if (found !== undefined && !busy && canOpen(next, found)) setAction(next);
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (found === undefined) {
    return error === undefined ? <p>{t('app.loading')}</p> : <p role="alert">{t('app.error', { message: error })}</p>;
  }
  const lastSender = [...(entries ?? [])].reverse().find((entry) => entry.kind === 'inbound_email')?.from ?? '';
  const closed = found.status === 'closed';
  const none = t('card.none');
  const actionProps: ActionProps = {
    caseView: found,
    onChanged: (view) => {
      setFound(view);
      setError(undefined);
    },
    onNotice: setNotice,
    onError: setError,
  };
  const stopEditing = () => setEditing(false);
  const named = (names: ReadonlyMap<string, string>, id: string | null) => (id === null ? none : (names.get(id) ?? id));

  return (
    <div className="case-card">
      <div className="case-heading">
        <h1>
          <span className="case-number">{found.number}</span> {found.title}
        </h1>
        <FavouriteStar {...actionProps} />
        <p className={`priority-badge priority-${found.priority}`}>
          {t(`status.${found.status}`)} · {t(`priority.${found.priority}`)}
        </p>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('card.actions')}>
        <button type="button" aria-keyshortcuts="Alt+M" disabled={busy || closed} onClick={assignToMe}>
          {t('card.assignToMe')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+R" disabled={busy} onClick={() => setReplying(true)}>
          {t('card.replyEmail')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+K" disabled={busy || closed} onClick={() => void close(false)}>
          {t('card.close')}
        </button>
        <DistributionActions
          caseView={found}
          disabled={busy}
          onChanged={(done, changed) => {
            setNotice(done);
            setError(undefined);
            if (changed === undefined) reload();
            else setFound(changed);
          }}
        />
        <button
          type="button"
          ref={editButton}
          aria-keyshortcuts="F2"
          disabled={busy || closed || editing}
          onClick={() => setEditing(true)}
        >
          {t('edit.open')}
        </button>
        <ReopenAction {...actionProps} />
        <LockAction {...actionProps} />
        <WatchesAction number={found.number} />
        <CaseActionButtons caseView={found} disabled={busy} onOpen={setAction} />
      </div>
      <div role="status" className="notice-line">
        {notice}
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      {replying && (
        <ReplyForm
          caseView={found}
          defaultTo={lastSender}
          onCancel={() => setReplying(false)}
          onSent={() => {
            setReplying(false);
            setNotice(t('reply.sent'));
            reload();
          }}
        />
      )}
      {action !== undefined && (
        <CaseActionDialog
          action={action}
          caseView={found}
          entries={entries ?? []}
          onCancel={() => setAction(undefined)}
          onReload={reload}
          onDone={(done, changed) => {
            setAction(undefined);
            setNotice(done);
            setError(undefined);
            if (changed === undefined) reload();
            else setFound(changed);
          }}
        />
      )}
      {editing && (
        <CaseDetailsForm
          caseView={found}
          onCancel={stopEditing}
          onReread={(view) => setFound(view)}
          onDone={(done, changed) => {
            stopEditing();
            setNotice(done);
            setError(undefined);
            if (changed !== undefined) setFound(changed);
          }}
        />
      )}
      <div className="panels">
        {!editing && (
          <>
            <section aria-labelledby={`${ids}-registration`} className="panel">
              <h2 id={`${ids}-registration`}>{t('card.registration')}</h2>
              <dl>
                <Field label={t('case.caseType')}>{named(caseTypes, found.caseTypeId)}</Field>
                <Field label={t('case.category')}>{named(categories, found.categoryId)}</Field>
                <Field label={t('case.area')}>{named(areas, found.areaId)}</Field>
                <Field label={t('case.orgUnit')}>{named(orgUnits, found.orgUnitId)}</Field>
              </dl>
            </section>
            <section aria-labelledby={`${ids}-content`} className="panel">
              <h2 id={`${ids}-content`}>{t('card.content')}</h2>
              <dl>
                <Field label={t('case.channel')}>{t(`channel.${found.channel}`)}</Field>
                <Field label={t('case.priority')}>{t(`priority.${found.priority}`)}</Field>
                <Field label={t('case.eventAt')}>
                  {found.eventAt === null ? none : formatDateTime(language, found.eventAt)}
                </Field>
                <Field label={t('case.wantsAnswer')}>{found.customerWantsAnswer ? t('card.yes') : t('card.no')}</Field>
                <Field label={t('case.secret')}>
                  {found.secret
                    ? `${t('card.yes')}${found.secrecyParagraph ? ` (${found.secrecyParagraph})` : ''}`
                    : t('card.no')}
                </Field>
                <Field label={t('case.personalData')}>{found.personalData ? t('card.yes') : t('card.no')}</Field>
              </dl>
              {found.description !== '' && <p className="description">{found.description}</p>}
            </section>
          </>
        )}
        <section aria-labelledby={`${ids}-other`} className="panel">
          <h2 id={`${ids}-other`}>{t('card.other')}</h2>
          <dl>
            <Field label={t('case.number')}>{found.number}</Field>
            <Field label={t('case.registeredAt')}>{formatDateTime(language, found.registeredAt)}</Field>
            <Field label={t('case.status')}>{t(`status.${found.status}`)}</Field>
            <Field label={t('case.inbox')}>{found.inboxId}</Field>
            <Field label={t('case.assignee')}>{found.assigneeName ?? found.assigneeId ?? none}</Field>
            <Field label={t('case.handlingTime')}>
              {t('card.minutes', { minutes: Math.round(found.handlingSeconds / 60) })}
            </Field>
            {found.lock !== null && (
              <Field label={t('case.lock')}>
                {t('case.lockedBy', {
                  name: found.lock.holderName ?? found.lock.holderId,
                  since: formatDateTime(language, found.lock.since),
                })}
              </Field>
            )}
          </dl>
        </section>
      </div>
      <CaseTabs caseView={found} onChanged={(view) => (view === undefined ? reload() : setFound(view))} />
      <section aria-labelledby={`${ids}-timeline`} className="timeline">
        <h2 id={`${ids}-timeline`}>{t('card.timeline')}</h2>
        {entries?.length === 0 && <p>{t('card.noEntries')}</p>}
        <ol>
          {entries?.map((entry) => {
            const who = entry.author?.name ?? entry.from ?? t('entry.system');
            const heading = `${t(`entry.${entry.kind}`)} · ${who} · ${formatDateTime(language, entry.createdAt)}`;
            return (
              <li key={entry.id} className={`entry entry-${entry.direction}`}>
                <h3>{heading}</h3>
                {entry.html !== null ? (
                  <MailBody html={entry.html} title={heading} />
                ) : (
                  <p className="entry-text">{entry.text}</p>
                )}
                {entry.attachments.length > 0 && <p>{t('entry.attachments', { count: entry.attachments.length })}</p>}
              </li>
            );
          })}
        </ol>
      </section>
      {confirmClose && (
        <dialog
          ref={confirmDialog}
          aria-labelledby={`${ids}-confirm`}
          aria-describedby={`${ids}-confirm-text`}
          onClose={() => setConfirmClose(false)}
        >
          <h2 id={`${ids}-confirm`}>{t('close.title')}</h2>
          <p id={`${ids}-confirm-text`}>{t('close.unanswered')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void close(true)}>
              {t('close.anyway')}
            </button>
            <button type="button" autoFocus onClick={() => confirmDialog.current?.close()}>
              {t('close.cancel')}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
