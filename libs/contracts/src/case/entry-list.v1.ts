import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, pageSchema } from './case.schemas.js';
import { ENTRY_KINDS, EntryKindSchema, EntryViewSchema } from './entry.schemas.js';

export const ListEntriesRequestV1 = z.object({
  number: CaseNumberSchema,
  /** `asc`: oldest first (the default); `desc`: newest first. */
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Only these kinds; default all. */
  kinds: z.array(EntryKindSchema).min(1).max(ENTRY_KINDS.length).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const listEntriesV1 = defineRpc({
  subject: 'case.rpc.list-entries.v1',
  request: ListEntriesRequestV1,
  response: pageSchema(EntryViewSchema),
  example: { number: '2026-000123', order: 'desc', kinds: ['inbound_email', 'outbound_email'], limit: 20 },
  description: "A page of a case's timeline, oldest or newest first, optionally only some kinds of entry.",
});
