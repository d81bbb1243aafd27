import { defineRpc } from '../message.js';
import { CustomerFieldsSchema, CustomerViewSchema } from './customer.schemas.js';

/** Every field may be left out: it is then empty (type: private_person, anonymous: false). */
export const CreateCustomerRequestV1 = CustomerFieldsSchema.partial();

export const createCustomerV1 = defineRpc({
  subject: 'case.rpc.customer-create.v1',
  request: CreateCustomerRequestV1,
  response: CustomerViewSchema,
  example: {
    type: 'private_person',
    firstName: 'Åsa',
    lastName: 'Öberg',
    personalIdentityNumber: '19121212-1212',
    mobilePhone: '070-123 45 67',
    email: 'asa.oberg@example.se',
    propertyDesignation: 'Solna Råsunda 1:23',
  },
  description: 'Registers a customer card (kundkort); an anonymous card carries no identifying fields.',
});
