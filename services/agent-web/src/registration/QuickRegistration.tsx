import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { CaseChannel, CaseView, Template } from '@arende/contracts';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DistributeDialog } from '../case/actions/DistributeDialog';

/** What a quick registration starts with (a call the agent answered fills some in). */
export interface QuickRegistrationPrefill {
  query?: string;
  description?: string;
  channel?: CaseChannel;
}

interface CaseTypeHit {
  id: string;
  name: string;
  instruction?: string;
}

interface SearchResult {
  caseTypes: CaseTypeHit[];
  templates: Template[];
}

/** A template or case type the agent can register the case as. */
type Choice = { kind: 'template'; id: string; label: string } | { kind: 'case-type'; id: string; label: string };

const CHANNELS: readonly CaseChannel[] = ['phone', 'email', 'visit', 'letter', 'chat', 'sms'];

function choicesOf(result: SearchResult | undefined): Choice[] {
  if (result === undefined) return [];
  return [
    ...result.templates.map((template): Choice => ({ kind: 'template', id: template.id, label: template.title })),
    ...result.caseTypes.map((caseType): Choice => ({ kind: 'case-type', id: caseType.id, label: caseType.name })),
  ];
}

/**
 * Quick registration (Alt+N): a word finds the template or case type, then the description; Alt+S saves and
 * closes, Alt+V saves and opens the case card, Alt+B saves and opens the distribute dialog for the new case. A
 * modal dialog: Escape closes it, the focus stays inside.
 */
export function QuickRegistration({
  prefill,
  onClose,
  onSaved,
}: {
  prefill: QuickRegistrationPrefill;
  onClose: () => void;
  onSaved: (saved: CaseView, open: boolean) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [query, setQuery] = useState(prefill.query ?? '');
  const [result, setResult] = useState<SearchResult | undefined>();
  const [active, setActive] = useState(0);
  const [choice, setChoice] = useState<Choice | undefined>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState(prefill.description ?? '');
  const [channel, setChannel] = useState<CaseChannel>(prefill.channel ?? 'phone');
  const [wantsAnswer, setWantsAnswer] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [toDistribute, setToDistribute] = useState<CaseView | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResult(undefined);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<SearchResult>(`/api/v1/templates/search?${new URLSearchParams({ q, limit: '10' })}`, abort.signal)
        .then((found) => {
          setResult(found);
          setActive(0);
        })
        .catch(() => {
          if (!abort.signal.aborted) setResult({ caseTypes: [], templates: [] });
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, query]);

  const choices = choicesOf(result);
  const pick = (picked: Choice) => {
    setChoice(picked);
    if (title.trim() === '') setTitle(picked.label);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && choices.length === 0) event.preventDefault();
    if (choices.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(choices[active]);
      document.getElementById(`${ids}-description`)?.focus();
    }
  };

  const save = async (open: boolean, distribute = false) => {
    if (saving) return;
    const finalTitle = title.trim() || choice?.label || description.trim().split('\n')[0]?.slice(0, 120) || '';
    if (finalTitle === '') {
      setError(t('quick.needsTitle'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.send<CaseView>('POST', '/api/v1/cases', {
        title: finalTitle,
        description,
        channel,
        customerWantsAnswer: wantsAnswer,
        ...(choice?.kind === 'template' ? { templateId: choice.id } : {}),
        ...(choice?.kind === 'case-type' ? { caseTypeId: choice.id } : {}),
      });
      if (distribute) setToDistribute(saved);
      else onSaved(saved, open);
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
      setSaving(false);
    }
  };

  const onDialogKey = (event: KeyboardEvent) => {
    // Escape closes even a dialog opened by a live event, before the page had any user activation.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.current?.close();
      return;
    }
    if (!event.altKey) return;
    if (event.code === 'KeyS' || event.code === 'KeyV' || event.code === 'KeyB') {
      event.preventDefault();
      void save(event.code === 'KeyV', event.code === 'KeyB');
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  if (toDistribute !== undefined) {
    const done = () => onSaved(toDistribute, false);
    return <DistributeDialog caseView={toDistribute} onClose={done} onDistributed={done} />;
  }

  return (
    <dialog
      ref={dialog}
      className="quick-registration"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onKeyDown={onDialogKey}
    >
      <form onSubmit={onSubmit}>
        <h2 id={`${ids}-title`}>{t('quick.title')}</h2>
        <div className="field">
          <label htmlFor={`${ids}-search`}>{t('quick.search')}</label>
          <input
            id={`${ids}-search`}
            type="search"
            role="combobox"
            aria-expanded={choices.length > 0}
            aria-controls={`${ids}-choices`}
            aria-activedescendant={choices.length > 0 ? `${ids}-choice-${active}` : undefined}
            aria-autocomplete="list"
            autoComplete="off"
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
          />
          <ul id={`${ids}-choices`} role="listbox" aria-label={t('quick.choices')} className="choices">
            {choices.map((item, index) => (
              <li
                key={`${item.kind}:${item.id}`}
                id={`${ids}-choice-${index}`}
                role="option"
                aria-selected={index === active}
                className={choice?.kind === item.kind && choice.id === item.id ? 'chosen' : undefined}
                onClick={() => pick(item)}
              >
                {item.label}{' '}
                <span className="choice-kind">
                  {item.kind === 'template' ? t('quick.template') : t('quick.caseType')}
                </span>
              </li>
            ))}
          </ul>
          <p className="chosen-line" aria-live="polite">
            {choice === undefined ? t('quick.noChoice') : t('quick.chosen', { name: choice.label })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-titlefield`}>{t('case.title')}</label>
          <input id={`${ids}-titlefield`} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-description`}>{t('case.description')}</label>
          <textarea
            id={`${ids}-description`}
            rows={5}
            value={description}
            maxLength={20_000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-channel`}>{t('case.channel')}</label>
          <select id={`${ids}-channel`} value={channel} onChange={(e) => setChannel(e.target.value as CaseChannel)}>
            {CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`channel.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input
            id={`${ids}-wants-answer`}
            type="checkbox"
            checked={wantsAnswer}
            onChange={(e) => setWantsAnswer(e.target.checked)}
          />
          <label htmlFor={`${ids}-wants-answer`}>{t('case.wantsAnswer')}</label>
        </div>
        {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={saving} aria-keyshortcuts="Alt+S">
            {t('quick.saveClose')}
          </button>
          <button type="button" disabled={saving} aria-keyshortcuts="Alt+V" onClick={() => void save(true)}>
            {t('quick.saveOpen')}
          </button>
          <button type="button" disabled={saving} aria-keyshortcuts="Alt+B" onClick={() => void save(false, true)}>
            {t('quick.saveDistribute')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('quick.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
