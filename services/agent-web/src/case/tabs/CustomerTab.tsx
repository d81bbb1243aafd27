import { useState } from 'react';
import type { CustomerView } from '@arende/contracts';
import { errorText } from '../../error-text';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CustomerDetails } from './CustomerDetails';
import { CustomerSearchBox } from './CustomerSearchBox';
import { NewCustomerForm } from './NewCustomerForm';
import { customerName } from './customer-name';
import type { CustomerSearch } from './customer-search';
import type { CaseTabProps } from './tab';
import { useLoaded } from './use-loaded';

/**
 * The case's customers (kundkort): the linked cards, each to be unlinked; a search as you type to link an
 * existing card; a new card, anonymous if the customer will not say who they are, registered and linked.
 */
export function CustomerTab({ caseView, onChanged }: CaseTabProps) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const path = `/api/v1/cases/${encodeURIComponent(caseView.number)}/customers`;
  const customers = useLoaded<{ items: CustomerView[] }>(path, caseView);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [typed, setTyped] = useState<CustomerSearch[]>([]);

  const change = async (method: 'PUT' | 'DELETE', customer: CustomerView, done: string) => {
    setBusy(true);
    try {
      customers.setData(await api.send<{ items: CustomerView[] }>(method, `${path}/${customer.id}`));
      setNotice(done);
      setError(undefined);
      onChanged();
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };
  const link = (customer: CustomerView) =>
    change('PUT', customer, t('tabs.customer.linkedNotice', { name: customerName(t, customer) }));
  const unlink = (customer: CustomerView) =>
    change('DELETE', customer, t('tabs.customer.unlinkedNotice', { name: customerName(t, customer) }));

  const linked = customers.data?.items ?? [];
  return (
    <div className="customer-tab">
      <h3>{t('tabs.customer.linkedHeading')}</h3>
      {customers.error !== undefined && <p role="alert">{t('app.error', { message: customers.error })}</p>}
      {customers.data === undefined && customers.error === undefined && <p>{t('app.loading')}</p>}
      {customers.data !== undefined && linked.length === 0 && <p>{t('tabs.customer.none')}</p>}
      {linked.length > 0 && (
        <ul className="customer-list" aria-label={t('tabs.customer.linkedHeading')}>
          {linked.map((customer) => {
            const name = customerName(t, customer);
            return (
              <li key={customer.id} className="customer">
                <div className="customer-heading">
                  <strong>{name}</strong>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('tabs.customer.unlinkNamed', { name })}
                    onClick={() => void unlink(customer)}
                  >
                    {t('tabs.customer.unlink')}
                  </button>
                </div>
                <CustomerDetails customer={customer} />
              </li>
            );
          })}
        </ul>
      )}
      {error !== undefined && <p role="alert">{error}</p>}
      <p role="status" className="notice-line">
        {notice}
      </p>
      <CustomerSearchBox
        linkedIds={new Set(linked.map((customer) => customer.id))}
        busy={busy}
        onLink={(customer) => void link(customer)}
        onTyped={setTyped}
      />
      {creating ? (
        <NewCustomerForm
          searches={typed}
          onCancel={() => setCreating(false)}
          onCreated={async (customer) => {
            await link(customer);
            setCreating(false);
          }}
        />
      ) : (
        <button type="button" onClick={() => setCreating(true)}>
          {t('tabs.customer.new')}
        </button>
      )}
    </div>
  );
}
