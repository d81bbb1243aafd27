import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { CASE_CHANNELS, type CaseView } from '@arende/contracts';
import { errorText, isVersionConflict } from '../error-text';
import { useI18n } from '../i18n';
import { type ReferenceOption, useReferenceItems } from '../reference';
import { useSession } from '../session';
import {
  type DetailsDraft,
  type DetailsField,
  changedFields,
  draftOf,
  fieldErrorsOf,
  rebaseDraft,
} from './case-details';

type FieldErrors = Partial<Record<DetailsField | '', string>>;

interface Props {
  caseView: CaseView;
  /** The case was saved (`changed`) or there was nothing to save (undefined); `notice` says which. */
  onDone: (notice: string, changed: CaseView | undefined) => void;
  onCancel: () => void;
  /** The form read the case again after a version conflict. */
  onReread: (view: CaseView) => void;
}

/** The options of a reference select: the active items, and the case's own one even when it is inactive. */
function optionsOf(items: readonly ReferenceOption[], current: string): ReferenceOption[] {
  const shown = items.filter((item) => item.active || item.id === current);
  if (current !== '' && !shown.some((item) => item.id === current))
    shown.push({ id: current, name: current, active: true });
  return shown;
}

/**
 * The case card's registration and content panels as a form (F2 or "Ändra"): saves only the changed fields with
 * the version the form was opened on, so a change someone made meanwhile is a conflict, not overwritten. Escape or
 * "Avbryt" leaves the case as it was.
 */
export function CaseDetailsForm({ caseView, onDone, onCancel, onReread }: Props) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [base, setBase] = useState(caseView);
  const [draft, setDraft] = useState(() => draftOf(caseView));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const references: Record<'caseTypeId' | 'categoryId' | 'areaId' | 'orgUnitId', readonly ReferenceOption[]> = {
    caseTypeId: useReferenceItems(api, 'case-type'),
    categoryId: useReferenceItems(api, 'category'),
    areaId: useReferenceItems(api, 'area'),
    orgUnitId: useReferenceItems(api, 'org-unit'),
  };

  useEffect(() => form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus(), []);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = <K extends DetailsField>(field: K, value: DetailsDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const changes = changedFields(draftOf(base), draft);
    if (Object.keys(changes).length === 0) return onDone(t('edit.unchanged'), undefined);
    setBusy(true);
    try {
      const changed = await api.send<CaseView>('PATCH', `/api/v1/cases/${base.number}`, {
        version: base.version,
        changes,
      });
      onDone(t('edit.saved'), changed);
    } catch (e) {
      if (isVersionConflict(e)) {
        try {
          const fresh = await api.get<CaseView>(`/api/v1/cases/${base.number}`);
          setDraft(rebaseDraft(draftOf(base), draftOf(fresh), draft));
          setBase(fresh);
          setConflict(true);
          setError(undefined);
          setErrors({});
          onReread(fresh);
        } catch (reread) {
          setError(errorText(language, reread));
        }
      } else {
        setConflict(false);
        setErrors(fieldErrorsOf(e));
        setError(errorText(language, e));
      }
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  /** The id, validity and descriptions of a field's control. */
  const control = (field: DetailsField, hint = false) => {
    const described = [hint ? `${ids}-${field}-hint` : '', errors[field] ? `${ids}-${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return {
      id: `${ids}-${field}`,
      'aria-invalid': errors[field] !== undefined ? true : undefined,
      'aria-describedby': described || undefined,
    };
  };
  const fieldError = (field: DetailsField) =>
    errors[field] === undefined ? null : (
      <span id={`${ids}-${field}-error`} className="field-error">
        {t('edit.fieldError', { message: errors[field] })}
      </span>
    );
  const textField = (field: DetailsField, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      {input}
      {hint !== undefined && (
        <span id={`${ids}-${field}-hint`} className="hint">
          {hint}
        </span>
      )}
      {fieldError(field)}
    </div>
  );
  const checkbox = (field: 'customerWantsAnswer' | 'secret' | 'personalData', label: string) => (
    <div className="checkbox">
      <input
        type="checkbox"
        {...control(field)}
        checked={draft[field]}
        onChange={(e) => set(field, e.target.checked)}
      />
      <label htmlFor={`${ids}-${field}`}>{label}</label>
      {fieldError(field)}
    </div>
  );
  const referenceSelect = (field: keyof typeof references, label: string) =>
    textField(
      field,
      label,
      <select {...control(field)} value={draft[field]} onChange={(e) => set(field, e.target.value)}>
        <option value="">{t('edit.noChoice')}</option>
        {optionsOf(references[field], draft[field]).map((item) => (
          <option key={item.id} value={item.id}>
            {item.active ? item.name : t('edit.inactive', { name: item.name })}
          </option>
        ))}
      </select>,
    );

  return (
    <form
      ref={form}
      className="case-details-form"
      aria-label={t('edit.heading')}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      onKeyDown={onKeyDown}
    >
      {conflict && (
        <p role="alert" className="edit-conflict">
          {t('edit.conflict')}
        </p>
      )}
      {error !== undefined && <p role="alert">{t('app.error', { message: error })}</p>}
      <div className="panels">
        <section aria-labelledby={`${ids}-registration`} className="panel">
          <h2 id={`${ids}-registration`}>{t('card.registration')}</h2>
          {referenceSelect('caseTypeId', t('case.caseType'))}
          {referenceSelect('categoryId', t('case.category'))}
          {referenceSelect('areaId', t('case.area'))}
          {referenceSelect('orgUnitId', t('case.orgUnit'))}
        </section>
        <section aria-labelledby={`${ids}-content`} className="panel">
          <h2 id={`${ids}-content`}>{t('card.content')}</h2>
          {textField(
            'title',
            t('case.title'),
            <input
              {...control('title')}
              required
              maxLength={300}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
            />,
          )}
          {textField(
            'description',
            t('case.description'),
            <textarea
              {...control('description')}
              rows={4}
              maxLength={20_000}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
            />,
          )}
          {textField(
            'eventAt',
            t('case.eventAt'),
            <input
              type="datetime-local"
              {...control('eventAt', true)}
              value={draft.eventAt}
              onChange={(e) => set('eventAt', e.target.value)}
            />,
            t('edit.noEventAt'),
          )}
          {textField(
            'channel',
            t('case.channel'),
            <select
              {...control('channel')}
              value={draft.channel}
              onChange={(e) => set('channel', e.target.value as DetailsDraft['channel'])}
            >
              {CASE_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>,
          )}
          {checkbox('customerWantsAnswer', t('case.wantsAnswer'))}
          {checkbox('secret', t('case.secret'))}
          {draft.secret &&
            textField(
              'secrecyParagraph',
              t('edit.secrecyParagraph'),
              <input
                {...control('secrecyParagraph', true)}
                maxLength={200}
                value={draft.secrecyParagraph}
                onChange={(e) => set('secrecyParagraph', e.target.value)}
              />,
              t('edit.secrecyHint'),
            )}
          {checkbox('personalData', t('case.personalData'))}
        </section>
      </div>
      <div className="actions edit-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
