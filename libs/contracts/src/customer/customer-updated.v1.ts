import { z } from 'zod';
import { defineEvent } from '../message.js';
import { FieldChangeSchema } from '../case/case-updated.v1.js';

export const customerUpdatedV1 = defineEvent({
  subject: 'case.evt.customer-updated.v1',
  data: z.object({
    customerId: z.uuid(),
    version: z.number().int().positive(),
    changes: z.record(z.string(), FieldChangeSchema),
  }),
  example: {
    customerId: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
    version: 2,
    changes: { mobilePhone: { before: '070-123 45 67', after: '+46 70 765 43 21' } },
  },
  description: 'Fields of a customer card changed; each change carries its value before and after.',
});
