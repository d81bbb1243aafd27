import { defineEvent } from '../message.js';
import { CustomerViewSchema, exampleCustomer } from './customer.schemas.js';

export const customerRegisteredV1 = defineEvent({
  subject: 'case.evt.customer-registered.v1',
  data: CustomerViewSchema,
  example: exampleCustomer,
  description: 'A customer card was registered; the data is the whole card. Carries personal data.',
});
