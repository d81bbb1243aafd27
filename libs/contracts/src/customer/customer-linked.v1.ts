import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema } from '../case/case.schemas.js';

const CaseCustomerLinkSchema = z.object({ caseId: z.uuid(), number: CaseNumberSchema, customerId: z.uuid() });

const example = {
  caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  number: '2026-000123',
  customerId: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
};

export const customerLinkedV1 = defineEvent({
  subject: 'case.evt.customer-linked.v1',
  data: CaseCustomerLinkSchema,
  example,
  description: 'A customer card was linked to a case (also when the case was registered with a customerId).',
});

export const customerUnlinkedV1 = defineEvent({
  subject: 'case.evt.customer-unlinked.v1',
  data: CaseCustomerLinkSchema,
  example,
  description: 'A customer card was removed from a case.',
});
