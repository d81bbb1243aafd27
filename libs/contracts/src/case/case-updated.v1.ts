import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';

export const FieldChangeSchema = z.object({ before: z.unknown(), after: z.unknown() });

export const caseUpdatedV1 = defineEvent({
  subject: 'case.evt.updated.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    version: z.number().int().positive(),
    changes: z.record(z.string(), FieldChangeSchema),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    version: 2,
    changes: { priority: { before: 'normal', after: 'urgent' } },
  },
  description: 'Fields of a case changed; each change carries its value before and after.',
});
