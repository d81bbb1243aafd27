import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';

/** One per touched case: the master, each child, and a former master that lost a child to the new one. */
export const CaseRelationChangeSchema = z.object({
  caseId: z.uuid(),
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  role: z.enum(['master', 'child']),
  masterId: z.uuid(),
  masterNumber: CaseNumberSchema,
  /** For the master: the children this request related or detached. For a child: empty. */
  childNumbers: z.array(CaseNumberSchema),
  /** For a child moved from another master: that master. */
  previousMasterNumber: CaseNumberSchema.nullable(),
});

export const caseRelatedV1 = defineEvent({
  subject: 'case.evt.related.v1',
  data: CaseRelationChangeSchema,
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e70',
    number: '2026-000124',
    version: 3,
    role: 'child',
    masterId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    masterNumber: '2026-000123',
    childNumbers: [],
    previousMasterNumber: null,
  },
  description: 'A case became a master or a child of a master case (one event per touched case).',
});

export const caseUnrelatedV1 = defineEvent({
  subject: 'case.evt.unrelated.v1',
  data: CaseRelationChangeSchema,
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    version: 4,
    role: 'master',
    masterId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    masterNumber: '2026-000123',
    childNumbers: ['2026-000124'],
    previousMasterNumber: null,
  },
  description:
    'A child left its master: detached, or moved to another master (then the former master gets this event).',
});
