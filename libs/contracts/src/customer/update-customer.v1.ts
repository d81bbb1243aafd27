import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CustomerFieldsSchema, CustomerViewSchema } from './customer.schemas.js';

export const UpdateCustomerRequestV1 = z.object({
  id: z.uuid(),
  /** The version the editor read: a stale one is refused with CUSTOMER.VERSION_CONFLICT. */
  version: z.number().int().positive(),
  changes: CustomerFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, 'Nothing to change'),
});

export const updateCustomerV1 = defineRpc({
  subject: 'case.rpc.customer-update.v1',
  request: UpdateCustomerRequestV1,
  response: CustomerViewSchema,
  example: {
    id: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
    version: 1,
    changes: { mobilePhone: '+46 70 765 43 21', otherEmail: '' },
  },
  description: 'Changes fields of a customer card, guarded by the version the editor read; "" or null empties a field.',
});
