import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CUSTOMER_TYPES, type CustomerType, type CustomerView } from '@arende/contracts';
import { ApiError } from '../../api';
import { errorText } from '../../error-text';
import { type MessageKey, useI18n } from '../../i18n';
import { useSession } from '../../session';
import type { CustomerSearch } from './customer-search';

// The fields of the form, in order; `identifying` ones an anonymous card may not have.
const FIELDS = [
  { name: 'firstName', label: 'tabs.customer.firstName', identifying: true, types: ['private_person'] },
  { name: 'lastName', label: 'tabs.customer.lastName', identifying: true, types: ['private_person'] },
  { name: 'companyName', label: 'tabs.customer.companyName', identifying: true, types: ['company', 'association'] },
  { name: 'personalIdentityNumber', label: 'tabs.customer.pin', identifying: true, types: ['private_person'] },
  {
    name: 'organisationNumber',
    label: 'tabs.customer.organisationNumber',
    identifying: true,
    types: ['company', 'association'],
  },
  { name: 'mobilePhone', label: 'tabs.customer.mobilePhone', identifying: true, input: 'tel' },
  { name: 'email', label: 'tabs.customer.email', identifying: true, input: 'email' },
  { name: 'streetAddress', label: 'tabs.customer.streetAddress', identifying: true },
  { name: 'postcode', label: 'tabs.customer.postcode', identifying: false },
  { name: 'city', label: 'tabs.customer.city', identifying: false },
] as const satisfies readonly {
  name: string;
  label: MessageKey;
  identifying: boolean;
  types?: readonly CustomerType[];
  input?: 'tel' | 'email';
}[];

type FieldName = (typeof FIELDS)[number]['name'];
type Values = Partial<Record<FieldName, string>>;

/** What the search had typed, in the field it belongs to. */
function startingValues(searches: readonly CustomerSearch[]): Values {
  const search = searches.length === 1 ? searches[0] : {};
  if (search.email !== undefined) return { email: search.email };
  if (search.phone !== undefined) return { mobilePhone: search.phone };
  if (search.pin !== undefined) return { personalIdentityNumber: search.pin };
  if (search.name !== undefined) {
    const words = search.name.split(/\s+/);
    return words.length === 1 ? { lastName: words[0] } : { firstName: words[0], lastName: words.slice(1).join(' ') };
  }
  return {};
}

/**
 * Registers a customer card and hands it on to be linked. An anonymous card keeps only the type, postcode and
 * city (as the API requires): the case's customer is then known to be anonymous.
 */
export function NewCustomerForm({
  searches,
  onCreated,
  onCancel,
}: {
  searches: readonly CustomerSearch[];
  onCreated: (customer: CustomerView) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const first = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<CustomerType>('private_person');
  const [anonymous, setAnonymous] = useState(false);
  const [values, setValues] = useState<Values>(() => startingValues(searches));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => first.current?.focus(), []);

  const shown = FIELDS.filter(
    (field) => (!anonymous || !field.identifying) && (!('types' in field) || field.types.some((x) => x === type)),
  );

  const problem = (e: unknown): string => {
    const fields = e instanceof ApiError && e.code === 'REQUEST.INVALID' ? fieldPaths(e.details) : [];
    const labels = fields
      .map((path) => FIELDS.find((field) => field.name === path)?.label)
      .filter((l) => l !== undefined);
    return labels.length > 0
      ? t('tabs.customer.invalid', { fields: labels.map((label) => t(label)).join(', ') })
      : errorText(language, e);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const body: Record<string, unknown> = { type, anonymous };
      for (const field of shown) {
        const value = values[field.name]?.trim();
        if (value) body[field.name] = value;
      }
      const created = await api.send<CustomerView>('POST', '/api/v1/customers', body);
      await onCreated(created);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="new-customer" aria-labelledby={`${ids}-heading`} onSubmit={(event) => void submit(event)}>
      <h3 id={`${ids}-heading`}>{t('tabs.customer.new')}</h3>
      <div className="checkbox">
        <input
          id={`${ids}-anonymous`}
          ref={first}
          type="checkbox"
          checked={anonymous}
          aria-describedby={`${ids}-anonymous-hint`}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <label htmlFor={`${ids}-anonymous`}>{t('tabs.customer.anonymous')}</label>
      </div>
      <p id={`${ids}-anonymous-hint`} className="hint">
        {t('tabs.customer.anonymousHint')}
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${ids}-type`}>{t('tabs.customer.type')}</label>
          <select id={`${ids}-type`} value={type} onChange={(event) => setType(event.target.value as CustomerType)}>
            {CUSTOMER_TYPES.map((option) => (
              <option key={option} value={option}>
                {t(`tabs.customer.type.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {shown.map((field) => (
          <div key={field.name} className="field">
            <label htmlFor={`${ids}-${field.name}`}>{t(field.label)}</label>
            <input
              id={`${ids}-${field.name}`}
              type={'input' in field ? field.input : 'text'}
              value={values[field.name] ?? ''}
              onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
            />
          </div>
        ))}
      </div>
      {error !== undefined && <p role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('tabs.customer.createLink')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('tabs.customer.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The field names REQUEST.INVALID points at (`details.fields[].path`). */
function fieldPaths(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('fields' in details) || !Array.isArray(details.fields))
    return [];
  return details.fields
    .map((field: unknown) =>
      typeof field === 'object' && field !== null && 'path' in field ? String(field.path).split('.')[0] : '',
    )
    .filter((path) => path !== '');
}
