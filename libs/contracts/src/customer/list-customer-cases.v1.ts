import { z } from 'zod';
import { defineRpc } from '../message.js';
import { pageSchema } from '../case/case.schemas.js';
import { CustomerCaseSchema } from './customer.schemas.js';

export const ListCustomerCasesRequestV1 = z.object({
  id: z.uuid(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

export const listCustomerCasesV1 = defineRpc({
  subject: 'case.rpc.customer-list-cases.v1',
  request: ListCustomerCasesRequestV1,
  response: pageSchema(CustomerCaseSchema),
  example: { id: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f', limit: 20 },
  description: 'Lists the cases a customer card is linked to, newest first.',
});
