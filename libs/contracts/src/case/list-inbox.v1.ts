import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseStatusSchema, CaseViewSchema, RefIdSchema, pageSchema } from './case.schemas.js';

export const ListInboxRequestV1 = z.object({
  inboxId: RefIdSchema,
  /** Default: every status but closed. */
  statuses: z.array(CaseStatusSchema).min(1).max(8).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const listInboxV1 = defineRpc({
  subject: 'case.rpc.list-inbox.v1',
  request: ListInboxRequestV1,
  response: pageSchema(CaseViewSchema),
  example: { inboxId: 'kundtjanst', limit: 50 },
  description: 'Lists the cases of an inbox: urgent, prioritised, normal; oldest first within each.',
});
