import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { CaseView, EntryView, Inbox, ReferralView } from '@arende/contracts';
import type { Page } from '../../api';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { errorText } from '../../error-text';
import { ActionDialog } from './ActionDialog';

/** What the dialog reads of the case: its entries (attachments, answers) and its referrals so far. */
interface Known {
  entries: EntryView[];
  referrals: ReferralView[];
}

/** A reply-by day from a date field: the end of that working day, local time. */
function replyByOf(day: string): string | undefined {
  return day === '' ? undefined : new Date(`${day}T16:00:00`).toISOString();
}

/**
 * Referral (remiss): a question about the case to someone outside it, by e-mail (an outside address or one of the
 * city's inboxes), with chosen attachments of the case and a reply-by day; and the case's referrals with their
 * answers, which thread back by the referral number.
 */
export function ReferralDialog({
  caseView,
  onClose,
  onSent,
}: {
  caseView: CaseView;
  onClose: () => void;
  onSent: (referral: ReferralView) => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [known, setKnown] = useState<Known | undefined>();
  const [inboxes, setInboxes] = useState<Inbox[]>([]);
  const [to, setTo] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [replyBy, setReplyBy] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}`;

  const load = useCallback(
    (signal?: AbortSignal) =>
      Promise.all([
        api.get<Page<EntryView>>(`${path}/entries?order=asc&limit=100`, signal),
        api.get<{ items: ReferralView[] }>(`${path}/referrals`, signal),
      ]).then(([entries, referrals]) => setKnown({ entries: entries.items, referrals: referrals.items })),
    [api, path],
  );

  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).catch((e: unknown) => {
      if (!abort.signal.aborted) setError(errorText(language, e));
    });
    api
      .get<{ items: Inbox[] }>('/api/v1/inboxes?targets=true', abort.signal)
      .then((found) => setInboxes(found.items.filter((inbox) => inbox.email !== null)))
      .catch(() => undefined);
    return () => abort.abort();
  }, [api, load]);

  const attachments = (known?.entries ?? []).flatMap((entry) => entry.attachments);
  const entryText = new Map((known?.entries ?? []).map((entry) => [entry.id, entry.text]));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const due = replyByOf(replyBy);
      const sent = await api.send<ReferralView>('POST', `${path}/referrals`, {
        version: caseView.version,
        to: { email: to.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
        message,
        attachmentIds: [...chosen],
        ...(due === undefined ? {} : { replyBy: due }),
      });
      setNotice(t('referral.sent', { number: sent.referralNumber }));
      setTo('');
      setName('');
      setMessage('');
      setReplyBy('');
      setChosen(new Set());
      onSent(sent);
      await load();
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setSending(false);
    }
  };

  return (
    <ActionDialog
      title={t('referral.title', { number: caseView.number })}
      className="referral-dialog"
      onClose={onClose}
    >
      {(close) => (
        <>
          <form onSubmit={(event) => void submit(event)} aria-labelledby={`${ids}-send`}>
            <h3 id={`${ids}-send`}>{t('referral.send')}</h3>
            <div className="field">
              <label htmlFor={`${ids}-to`}>{t('referral.to')}</label>
              <input
                id={`${ids}-to`}
                type="email"
                required
                list={`${ids}-inboxes`}
                aria-describedby={`${ids}-to-hint`}
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
              <datalist id={`${ids}-inboxes`}>
                {inboxes.map((inbox) => (
                  <option key={inbox.id} value={inbox.email ?? ''}>
                    {inbox.name}
                  </option>
                ))}
              </datalist>
              <p id={`${ids}-to-hint`} className="hint">
                {t('referral.toHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-name`}>{t('referral.name')}</label>
              <input id={`${ids}-name`} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-message`}>{t('referral.message')}</label>
              <textarea
                id={`${ids}-message`}
                required
                rows={4}
                maxLength={20_000}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-reply-by`}>{t('referral.replyBy')}</label>
              <input id={`${ids}-reply-by`} type="date" value={replyBy} onChange={(e) => setReplyBy(e.target.value)} />
            </div>
            <fieldset>
              <legend>{t('referral.attachments')}</legend>
              {known !== undefined && attachments.length === 0 && <p>{t('referral.noAttachments')}</p>}
              {attachments.map((attachment) => (
                <div className="checkbox" key={attachment.id}>
                  <input
                    id={`${ids}-file-${attachment.id}`}
                    type="checkbox"
                    checked={chosen.has(attachment.id)}
                    onChange={(e) => toggle(attachment.id, e.target.checked)}
                  />
                  <label htmlFor={`${ids}-file-${attachment.id}`}>{attachment.fileName}</label>
                </div>
              ))}
            </fieldset>
            <div role="status" className="notice-line">
              {notice}
            </div>
            {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
            <div className="actions">
              <button type="submit" className="primary" disabled={sending}>
                {t('referral.submit')}
              </button>
              <button type="button" onClick={close}>
                {t('actions.close')}
              </button>
            </div>
          </form>
          <section aria-labelledby={`${ids}-list`} className="referral-list">
            <h3 id={`${ids}-list`}>{t('referral.list')}</h3>
            {known?.referrals.length === 0 && <p>{t('referral.none')}</p>}
            <ul>
              {known?.referrals.map((referral) => (
                <li key={referral.id} data-referral={referral.referralNumber}>
                  <p>
                    {t('referral.sentTo', {
                      number: referral.referralNumber,
                      to: referral.to.name ? `${referral.to.name} <${referral.to.email}>` : referral.to.email,
                      sentAt: formatDateTime(language, referral.sentAt),
                      replyBy: formatDateTime(language, referral.replyBy),
                    })}{' '}
                    · <strong>{t(`referral.status.${referral.status}`)}</strong>
                  </p>
                  {referral.attachments.length > 0 && (
                    <p>{t('referral.files', { names: referral.attachments.map((a) => a.fileName).join(', ') })}</p>
                  )}
                  {referral.answers.map((answer) => (
                    <blockquote key={answer.entryId}>
                      <p className="answer-from">
                        {t('referral.answer', {
                          from: answer.from,
                          receivedAt: formatDateTime(language, answer.receivedAt),
                        })}
                      </p>
                      <p className="entry-text">{entryText.get(answer.entryId) ?? ''}</p>
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </ActionDialog>
  );
}
