import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';
import { EntryKindSchema } from './entry.schemas.js';

export const entriesRemovedV1 = defineEvent({
  subject: 'case.evt.entries-removed.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    /** Why: `case-closed` (memos do not outlive the case's handling). */
    reason: z.enum(['case-closed']),
    kinds: z.array(EntryKindSchema),
    count: z.number().int().positive(),
    entryIds: z.array(z.uuid()),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    reason: 'case-closed',
    kinds: ['memo'],
    count: 2,
    entryIds: ['01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f', '01935c4f-1b2c-7d3e-9f40-5a6b7c8d9e0f'],
  },
  description: 'Entries were removed from a case: its memos, when it closed. Published only when some were removed.',
});
