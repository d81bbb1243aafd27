import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseLockSchema, CaseNumberSchema } from './case.schemas.js';

export const caseLockChangedV1 = defineEvent({
  subject: 'case.evt.lock-changed.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    lock: CaseLockSchema.nullable(),
    forced: z.boolean(),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    lock: { holderId: 'anna.agent', holderName: 'Anna Andersson', since: '2026-11-23T08:20:00.000Z' },
    forced: false,
  },
  description: "A case was locked or unlocked (forced: a supervisor opened somebody else's lock).",
});
