import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema } from './case.schemas.js';
import { EntryViewSchema } from './entry.schemas.js';

export const GetEntryRequestV1 = z.object({
  entryId: z.uuid(),
  /** When given, an entry of another case is ENTRY.NOT_FOUND. */
  number: CaseNumberSchema.optional(),
});

export const getEntryV1 = defineRpc({
  subject: 'case.rpc.get-entry.v1',
  request: GetEntryRequestV1,
  response: EntryViewSchema,
  example: { entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f' },
  description: 'Reads one entry with its text and HTML (the entry events leave the body out).',
});
