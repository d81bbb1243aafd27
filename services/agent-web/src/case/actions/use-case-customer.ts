import { useEffect, useState } from 'react';
import type { CustomerView } from '@arende/contracts';
import { useSession } from '../../session';

/** The case's first linked customer card that is not anonymous (for a reply's recipient and the templates). */
export function useCaseCustomer(number: string): CustomerView | undefined {
  const { api } = useSession();
  const [customer, setCustomer] = useState<CustomerView | undefined>();
  useEffect(() => {
    const abort = new AbortController();
    api
      .get<{ items: CustomerView[] }>(`/api/v1/cases/${encodeURIComponent(number)}/customers`, abort.signal)
      .then((page) => setCustomer(page.items.find((item) => !item.anonymous)))
      // Without the card the form is still usable: the agent types the recipient.
      .catch(() => undefined);
    return () => abort.abort();
  }, [api, number]);
  return customer;
}
