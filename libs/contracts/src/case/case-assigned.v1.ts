import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';

export const caseAssignedV1 = defineEvent({
  subject: 'case.evt.assigned.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    version: z.number().int().positive(),
    inboxId: z.string(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    previousAssigneeId: z.string().nullable(),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    version: 2,
    inboxId: 'kundtjanst',
    assigneeId: 'anna.agent',
    assigneeName: 'Anna Andersson',
    previousAssigneeId: null,
  },
  description: 'The handling officer of a case changed (null: the case has no handler now).',
});
