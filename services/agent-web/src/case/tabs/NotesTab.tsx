import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { EntryView } from '@arende/contracts';
import type { Page } from '../../api';
import { errorText } from '../../error-text';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { CaseTabProps } from './tab';
import { useLoaded } from './use-loaded';

const NOTE_KINDS = ['internal_note', 'memo'] as const;
type NoteKind = (typeof NOTE_KINDS)[number];

/**
 * The case's internal notes (intern tjänsteanteckning, which stays, and intern anteckning, a memo removed when
 * the case closes), newest first, and a note editor that Alt+Z focuses from anywhere on the card.
 */
export function NotesTab({ caseView, onChanged, summoned }: CaseTabProps) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const editor = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<NoteKind>('internal_note');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}/entries`;
  const notes = useLoaded<Page<EntryView>>(`${path}?order=desc&kinds=${NOTE_KINDS.join(',')}&limit=100`, caseView);

  useEffect(() => {
    if (summoned > 0) editor.current?.focus();
  }, [summoned]);

  const save = async () => {
    if (busy) return;
    if (text.trim() === '') {
      setError(t('tabs.notes.empty'));
      editor.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.send<EntryView>('POST', path, { kind, text });
      setText('');
      setError(undefined);
      setNotice(t('tabs.notes.saved'));
      notes.reload();
      onChanged();
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notes-tab">
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save();
        }}
        className="note-form"
        aria-labelledby={`${ids}-write`}
      >
        <h3 id={`${ids}-write`}>{t('tabs.notes.write')}</h3>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('tabs.notes.kind')}</label>
          <select id={`${ids}-kind`} value={kind} onChange={(event) => setKind(event.target.value as NoteKind)}>
            {NOTE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`entry.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('tabs.notes.text')}</label>
          <textarea
            id={`${ids}-text`}
            ref={editor}
            rows={4}
            value={text}
            aria-keyshortcuts="Alt+Z"
            aria-describedby={`${ids}-hint`}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
        </div>
        <p id={`${ids}-hint`} className="hint">
          {t(kind === 'memo' ? 'tabs.notes.memoHint' : 'tabs.notes.internalHint')}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Enter">
            {t('tabs.notes.save')}
          </button>
        </div>
        {error !== undefined && <p role="alert">{error}</p>}
        <p role="status" className="notice-line">
          {notice}
        </p>
      </form>
      <h3>{t('tabs.notes.list')}</h3>
      {notes.error !== undefined && <p role="alert">{t('app.error', { message: notes.error })}</p>}
      {notes.data === undefined && notes.error === undefined && <p>{t('app.loading')}</p>}
      {notes.data?.items.length === 0 && <p>{t('tabs.notes.none')}</p>}
      <ol className="note-list">
        {notes.data?.items.map((note) => (
          <li key={note.id} className="entry entry-internal">
            <h4>
              {t(`entry.${note.kind}`)} · {note.author?.name ?? note.author?.id ?? t('entry.system')} ·{' '}
              {formatDateTime(language, note.createdAt)}
            </h4>
            <p className="entry-text">{note.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
