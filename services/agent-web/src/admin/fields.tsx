import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n';
import type { Problem } from './problem';

// The admin forms' inputs: each with its label, and its error (from the API) linked by aria-describedby.

interface Common {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [error === undefined ? undefined : `${id}-error`, hint === undefined ? undefined : `${id}-hint`];
  const joined = ids.filter((x) => x !== undefined).join(' ');
  return joined === '' ? undefined : joined;
}

function Notes({ id, error, hint }: Omit<Common, 'label'>) {
  return (
    <>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

function inputProps(id: string, error?: string, hint?: string) {
  return {
    id,
    'aria-invalid': error === undefined ? undefined : true,
    'aria-describedby': describedBy(id, error, hint),
  };
}

export function TextField({
  value,
  onChange,
  required,
  rows,
  type = 'text',
  ...common
}: Common & { value: string; onChange: (value: string) => void; required?: boolean; rows?: number; type?: string }) {
  const { id, label, error, hint } = common;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows === undefined ? (
        <input
          {...inputProps(id, error, hint)}
          type={type}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <textarea
          {...inputProps(id, error, hint)}
          rows={rows}
          required={required}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

/** A whole number, or nothing (null). */
export function NumberField({
  value,
  onChange,
  min = 0,
  ...common
}: Common & { value: number | null; onChange: (value: number | null) => void; min?: number }) {
  const { id, label, error, hint } = common;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...inputProps(id, error, hint)}
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** One of `options`; `none` labels the empty choice (null) when there is one. */
export function SelectField({
  value,
  onChange,
  options,
  none,
  ...common
}: Common & {
  value: string | null;
  onChange: (value: string | null) => void;
  options: readonly Option[];
  none?: string;
}) {
  const { id, label, error, hint } = common;
  // A value the options do not have (an inactive item) stays visible and chosen.
  const all =
    value !== null && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        {...inputProps(id, error, hint)}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        {none !== undefined && <option value="">{none}</option>}
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({
  checked,
  onChange,
  ...common
}: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, label, error, hint } = common;
  return (
    <div className="checkbox">
      <input
        {...inputProps(id, error, hint)}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Notes id={id} error={error} hint={hint} />
    </div>
  );
}

/** Words separated by commas, kept as typed until the list is used. */
export function WordsField({
  value,
  onChange,
  ...common
}: Common & { value: readonly string[]; onChange: (value: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      {...common}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(
          next
            .split(',')
            .map((word) => word.trim())
            .filter((word) => word !== ''),
        );
      }}
    />
  );
}

/** A list of texts (steps, alternative solutions), each its own text area, added and removed by buttons. */
export function TextListField({
  id,
  label,
  itemLabel,
  value,
  onChange,
  errors,
  path,
}: {
  id: string;
  label: string;
  itemLabel: (index: number) => string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  errors: Readonly<Record<string, string>>;
  path: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="admin-fieldset">
      <legend>{label}</legend>
      {value.map((text, index) => (
        <div key={index} className="admin-list-item">
          <TextField
            id={`${id}-${index}`}
            label={itemLabel(index + 1)}
            rows={2}
            value={text}
            error={errors[`${path}.${index}`]}
            onChange={(next) => onChange(value.map((old, i) => (i === index ? next : old)))}
          />
          <button type="button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
            {t('admin.remove', { what: itemLabel(index + 1) })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...value, ''])}>
        {t('admin.add', { what: label.toLowerCase() })}
      </button>
    </fieldset>
  );
}

/** Why a save failed, at the end of the form, with a way to reload the item when someone else changed it. */
export function SaveProblem({ problem, onReload }: { problem?: Problem; onReload: () => void }) {
  const { t } = useI18n();
  if (problem === undefined) return null;
  return (
    <div role="alert" className="admin-problem">
      <p>{problem.message}</p>
      {Object.keys(problem.fields).length > 0 && <p>{t('admin.seeFields')}</p>}
      {problem.conflict && (
        <button type="button" onClick={onReload}>
          {t('admin.reload')}
        </button>
      )}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="admin-fieldset">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
