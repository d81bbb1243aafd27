import type { ReactNode } from 'react';
import type { CustomerView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import { formatPin } from './customer-name';

/** A customer card's facts that are set, as a description list. */
export function CustomerDetails({ customer }: { customer: CustomerView }) {
  const { t } = useI18n();
  const property = customer.propertyDesignation;
  const address = [
    customer.careOf && `c/o ${customer.careOf}`,
    customer.streetAddress,
    customer.postcode,
    customer.city,
  ]
    .filter(Boolean)
    .join(', ');
  const facts: [string, ReactNode][] = [
    [t('tabs.customer.type'), t(`tabs.customer.type.${customer.type}`)],
    [t('tabs.customer.pin'), customer.personalIdentityNumber && formatPin(customer.personalIdentityNumber)],
    [t('tabs.customer.organisationNumber'), customer.organisationNumber],
    [
      t('tabs.customer.phone'),
      [customer.mobilePhone, customer.homePhone, customer.workPhone].filter(Boolean).join(', '),
    ],
    [t('tabs.customer.email'), [customer.email, customer.otherEmail].filter(Boolean).join(', ')],
    [t('tabs.customer.address'), address],
    [
      t('tabs.customer.property'),
      property && `${property.tract} ${property.block === null ? '' : `${property.block}:`}${property.unit}`,
    ],
  ];
  return (
    <dl className="customer-details">
      {facts
        .filter(([, value]) => value !== null && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
