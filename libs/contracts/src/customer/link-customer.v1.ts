import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema } from '../case/case.schemas.js';
import { CustomerViewSchema } from './customer.schemas.js';

export const CaseCustomerRequestV1 = z.object({ number: CaseNumberSchema, customerId: z.uuid() });

/** The customers of a case, in the order they were linked. */
export const CaseCustomersSchema = z.object({ items: z.array(CustomerViewSchema) });

export const linkCustomerV1 = defineRpc({
  subject: 'case.rpc.customer-link.v1',
  request: CaseCustomerRequestV1,
  response: CaseCustomersSchema,
  example: { number: '2026-000123', customerId: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f' },
  description: 'Links a customer card to a case; linking it again changes nothing. Answers the case’s customers.',
});

export const unlinkCustomerV1 = defineRpc({
  subject: 'case.rpc.customer-unlink.v1',
  request: CaseCustomerRequestV1,
  response: CaseCustomersSchema,
  example: { number: '2026-000123', customerId: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f' },
  description: 'Removes a customer card from a case; removing one that is not linked changes nothing.',
});

export const listCaseCustomersV1 = defineRpc({
  subject: 'case.rpc.customer-list-by-case.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: CaseCustomersSchema,
  example: { number: '2026-000123' },
  description: 'Lists the customer cards linked to a case, in the order they were linked.',
});
