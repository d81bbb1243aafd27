import type { CustomerView } from '@arende/contracts';
import type { Translate } from '../../i18n';

/** How a customer card is named to the agent: the company, else the person, else anonymous or nameless. */
export function customerName(t: Translate, customer: CustomerView): string {
  if (customer.anonymous) return t('tabs.customer.anonymousName');
  const person = [customer.firstName, customer.lastName].filter((part) => part !== null).join(' ');
  const name = customer.type === 'private_person' ? person || customer.companyName : customer.companyName || person;
  return name || t('tabs.customer.nameless');
}

/** A personnummer as people read it, `YYYYMMDD-NNNN`. */
export function formatPin(pin: string): string {
  return `${pin.slice(0, 8)}-${pin.slice(8)}`;
}
