import { useId, useState } from 'react';
import type { ArticleView, CaseView } from '@arende/contracts';
import { errorText } from '../error-text';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/**
 * A draft call script from the case in one step: the customer's question (the case's description, or its
 * title) and the answer that solved it; the knowledge service links it to the case type, and an editor
 * publishes it.
 */
export function CallScriptFromCase({ caseView }: { caseView: CaseView }) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(caseView.title);
  const [question, setQuestion] = useState(caseView.description === '' ? caseView.title : caseView.description);
  const [answer, setAnswer] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const draft = await api.send<ArticleView>('POST', '/api/v1/knowledge/articles/from-case', {
        number: caseView.number,
        question,
        answer,
        ...(title.trim() === '' ? {} : { title }),
        ...(caseView.caseTypeId === null ? {} : { caseTypeId: caseView.caseTypeId }),
      });
      setNotice(t('knowledge.fromCaseCreated', { title: draft.title }));
      setError(undefined);
      setOpen(false);
      setAnswer('');
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="knowledge-from-case">
      <button type="button" aria-expanded={open} aria-controls={`${ids}-form`} onClick={() => setOpen(!open)}>
        {t('knowledge.fromCase')}
      </button>
      {open && (
        <form
          id={`${ids}-form`}
          className="knowledge-form"
          aria-label={t('knowledge.fromCase')}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label>
            {t('knowledge.fromCaseTitle')}
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {t('knowledge.fromCaseQuestion')}
            <textarea rows={3} required value={question} onChange={(e) => setQuestion(e.target.value)} />
          </label>
          <label>
            {t('knowledge.fromCaseAnswer')}
            <textarea rows={5} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || question.trim() === '' || answer.trim() === ''}>
              {t('knowledge.fromCaseCreate')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('knowledge.cancel')}
            </button>
          </div>
        </form>
      )}
      <div role="status" className="notice-line">
        {notice}
      </div>
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
    </div>
  );
}
