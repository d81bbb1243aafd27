import { defineRpc } from '../message.js';
import { CustomerRefSchema, CustomerViewSchema } from './customer.schemas.js';

export const getCustomerV1 = defineRpc({
  subject: 'case.rpc.customer-get.v1',
  request: CustomerRefSchema,
  response: CustomerViewSchema,
  example: { id: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f' },
  description: 'Reads one customer card by its id.',
});
