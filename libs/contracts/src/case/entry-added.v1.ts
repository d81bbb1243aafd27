import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema, TimestampSchema } from './case.schemas.js';
import { EntryAuthorSchema, EntryDirectionSchema, EntryKindSchema, EntryVisibilitySchema } from './entry.schemas.js';

export const entryAddedV1 = defineEvent({
  subject: 'case.evt.entry-added.v1',
  // No text, HTML or sender: bodies stay out of the streams; a consumer that needs them calls case.rpc.get-entry.v1.
  data: z.object({
    entryId: z.uuid(),
    caseId: z.uuid(),
    number: CaseNumberSchema,
    kind: EntryKindSchema,
    direction: EntryDirectionSchema,
    visibility: EntryVisibilitySchema,
    author: EntryAuthorSchema.nullable(),
    hasHtml: z.boolean(),
    attachmentCount: z.number().int().nonnegative(),
    createdAt: TimestampSchema,
  }),
  example: {
    entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    kind: 'phone_note',
    direction: 'internal',
    visibility: 'staff',
    author: { id: 'anna.agent', name: 'Anna Andersson' },
    hasHtml: false,
    attachmentCount: 0,
    createdAt: '2026-11-23T09:02:00.000Z',
  },
  description: 'An entry was added to a case timeline (without its body).',
});
