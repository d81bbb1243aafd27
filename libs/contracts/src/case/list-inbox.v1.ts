import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseStatusSchema, CaseViewSchema, RefIdSchema, pageSchema } from './case.schemas.js';

/**
 * The orders an inbox can be listed in; a leading `-` is newest (highest) first. `priority` is the work order
 * (urgent, prioritised, normal; oldest first within each); `status` follows the case's life (new, open, …,
 * closed) and `assignee` the handler's name (unassigned first), each in work order within.
 */
export const INBOX_SORTS = [
  'priority',
  'registeredAt',
  '-registeredAt',
  'number',
  '-number',
  'updatedAt',
  '-updatedAt',
  'status',
  'assignee',
] as const;
export const InboxSortSchema = z.enum(INBOX_SORTS);
export type InboxSort = z.infer<typeof InboxSortSchema>;

/** A handler's id, or null for the cases nobody has taken. */
export const AssigneeFilterSchema = z.string().min(1).max(200).nullable();

export const ListInboxRequestV1 = z.object({
  inboxId: RefIdSchema,
  /** Default: every status but closed. */
  statuses: z.array(CaseStatusSchema).min(1).max(8).optional(),
  sort: InboxSortSchema.default('priority'),
  /** Only this handler's cases (null: only unassigned ones); absent: everybody's. */
  assigneeId: AssigneeFilterSchema.optional(),
  /** A cursor belongs to the sort it was given out with. */
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const InboxPageSchema = pageSchema(CaseViewSchema).extend({
  /** How many cases match, counted exactly, on the first page (no cursor); null on the pages after it. */
  total: z.number().int().min(0).nullable(),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const listInboxV1 = defineRpc({
  subject: 'case.rpc.list-inbox.v1',
  request: ListInboxRequestV1,
  response: InboxPageSchema,
  example: { inboxId: 'kundtjanst', sort: 'priority', limit: 50 },
  description:
    'Lists the cases of an inbox in one of the inbox sorts (default: urgent, prioritised, normal; oldest first within each), by cursor.',
});
