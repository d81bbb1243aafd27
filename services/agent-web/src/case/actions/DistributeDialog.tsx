import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CaseView, DistributionKind, Inbox } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { errorText } from '../../error-text';
import { ActionDialog } from './ActionDialog';

const KINDS: readonly DistributionKind[] = [
  'work_group',
  'specialist_group',
  'external_party',
  'external_system',
  'for_information',
];
const TO_INBOX: ReadonlySet<DistributionKind> = new Set(['work_group', 'specialist_group', 'external_party']);
const PARTS = ['description', 'entries', 'attachments', 'customer'] as const;
type Part = (typeof PARTS)[number];

/** `a@x.se, b@y.se; c@z.se` → the addresses. */
function addresses(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/**
 * Distribute (fördela) one case, every kind the API has: to a work group, to officers in a specialist group
 * (optionally requiring feedback), to a contractor's inbox, or by e-mail to an external system or for information
 * (with the parts of the case chosen); a message to the receiver, and optionally a notice to the customer.
 */
export function DistributeDialog({
  caseView,
  onClose,
  onDistributed,
}: {
  caseView: CaseView;
  onClose: () => void;
  onDistributed: (distributed: CaseView, notice: string) => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [inboxes, setInboxes] = useState<Inbox[] | undefined>();
  const [kind, setKind] = useState<DistributionKind>('work_group');
  const [inboxId, setInboxId] = useState('');
  const [requiresFeedback, setRequiresFeedback] = useState(false);
  const [emailTo, setEmailTo] = useState('');
  const [include, setInclude] = useState<Record<Part, boolean>>({
    description: true,
    entries: false,
    attachments: false,
    customer: false,
  });
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(false);
  const [customerMessage, setCustomerMessage] = useState(t('distribute.customerMessageDefault'));
  const [customerEmail, setCustomerEmail] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const abort = new AbortController();
    api
      .get<{ items: Inbox[] }>('/api/v1/inboxes?targets=true', abort.signal)
      .then((found) => setInboxes(found.items))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(language, e));
      });
    return () => abort.abort();
  }, [api]);

  const toInbox = TO_INBOX.has(kind);
  const candidates = (inboxes ?? []).filter((inbox) => inbox.kind === kind && inbox.id !== caseView.inboxId);
  // With one receiver of the kind, it is the one.
  const chosenInbox = candidates.some((inbox) => inbox.id === inboxId)
    ? inboxId
    : candidates.length === 1
      ? candidates[0].id
      : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const to = addresses(emailTo);
    const missing = toInbox
      ? chosenInbox === '' && 'distribute.needsInbox'
      : to.length === 0 && 'distribute.needsEmail';
    if (missing) {
      setError(t(missing));
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const distributed = await api.send<CaseView>(
        'POST',
        `/api/v1/cases/${encodeURIComponent(caseView.number)}/distribute`,
        {
          version: caseView.version,
          kind,
          note,
          ...(toInbox ? { inboxId: chosenInbox } : { email: { to, include } }),
          ...(kind === 'specialist_group' ? { requiresFeedback } : {}),
          ...(notify
            ? {
                notifyCustomer: {
                  message: customerMessage,
                  ...(customerEmail.trim() ? { email: customerEmail.trim() } : {}),
                },
              }
            : {}),
        },
      );
      const receiver = candidates.find((inbox) => inbox.id === chosenInbox)?.name ?? chosenInbox;
      onDistributed(
        distributed,
        toInbox ? t('distribute.moved', { inbox: receiver }) : t('distribute.emailed', { to: to.join(', ') }),
      );
    } catch (e) {
      setError(errorText(language, e));
      setSending(false);
    }
  };

  return (
    <ActionDialog
      title={t('distribute.title', { number: caseView.number })}
      className="distribute-dialog"
      onClose={onClose}
    >
      {(close) => (
        <form onSubmit={(event) => void submit(event)}>
          <fieldset>
            <legend>{t('distribute.kind')}</legend>
            {KINDS.map((value) => (
              <div className="radio" key={value}>
                <input
                  id={`${ids}-kind-${value}`}
                  type="radio"
                  name={`${ids}-kind`}
                  value={value}
                  checked={kind === value}
                  aria-describedby={`${ids}-kind-hint`}
                  onChange={() => {
                    setKind(value);
                    setError(undefined);
                  }}
                />
                <label htmlFor={`${ids}-kind-${value}`}>{t(`distribute.kind.${value}`)}</label>
              </div>
            ))}
            <p id={`${ids}-kind-hint`} className="hint">
              {t(`distribute.kindHint.${kind}`)}
            </p>
          </fieldset>
          {toInbox && (
            <div className="field">
              {inboxes !== undefined && candidates.length === 0 ? (
                <p>{t('distribute.noInboxes')}</p>
              ) : (
                <>
                  <label htmlFor={`${ids}-inbox`}>{t('distribute.inbox')}</label>
                  <select id={`${ids}-inbox`} value={chosenInbox} onChange={(e) => setInboxId(e.target.value)}>
                    {candidates.length !== 1 && <option value="">–</option>}
                    {candidates.map((inbox) => (
                      <option key={inbox.id} value={inbox.id}>
                        {inbox.name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
          )}
          {kind === 'specialist_group' && (
            <div className="checkbox">
              <input
                id={`${ids}-feedback`}
                type="checkbox"
                checked={requiresFeedback}
                onChange={(e) => setRequiresFeedback(e.target.checked)}
              />
              <label htmlFor={`${ids}-feedback`}>{t('distribute.requiresFeedback')}</label>
            </div>
          )}
          {!toInbox && (
            <>
              <div className="field">
                <label htmlFor={`${ids}-email`}>{t('distribute.emailTo')}</label>
                <input
                  id={`${ids}-email`}
                  type="text"
                  inputMode="email"
                  autoComplete="off"
                  value={emailTo}
                  onChange={(e) => setEmailTo(e.target.value)}
                />
              </div>
              <fieldset>
                <legend>{t('distribute.include')}</legend>
                {PARTS.map((part) => (
                  <div className="checkbox" key={part}>
                    <input
                      id={`${ids}-include-${part}`}
                      type="checkbox"
                      checked={include[part]}
                      onChange={(e) => setInclude({ ...include, [part]: e.target.checked })}
                    />
                    <label htmlFor={`${ids}-include-${part}`}>{t(`distribute.include.${part}`)}</label>
                  </div>
                ))}
              </fieldset>
            </>
          )}
          <div className="field">
            <label htmlFor={`${ids}-note`}>{t('distribute.note')}</label>
            <textarea
              id={`${ids}-note`}
              rows={3}
              maxLength={4000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="checkbox">
            <input
              id={`${ids}-notify`}
              type="checkbox"
              checked={notify}
              onChange={(e) => setNotify(e.target.checked)}
            />
            <label htmlFor={`${ids}-notify`}>{t('distribute.notifyCustomer')}</label>
          </div>
          {notify && (
            <>
              <div className="field">
                <label htmlFor={`${ids}-customer-message`}>{t('distribute.customerMessage')}</label>
                <textarea
                  id={`${ids}-customer-message`}
                  rows={2}
                  required
                  maxLength={4000}
                  value={customerMessage}
                  onChange={(e) => setCustomerMessage(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor={`${ids}-customer-email`}>{t('distribute.customerEmail')}</label>
                <input
                  id={`${ids}-customer-email`}
                  type="email"
                  value={customerEmail}
                  onChange={(e) => setCustomerEmail(e.target.value)}
                />
              </div>
            </>
          )}
          {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {t('distribute.submit')}
            </button>
            <button type="button" onClick={close}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
    </ActionDialog>
  );
}
