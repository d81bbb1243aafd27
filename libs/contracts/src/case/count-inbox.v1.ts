import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CasePrioritySchema, CaseStatusSchema, RefIdSchema } from './case.schemas.js';
import { AssigneeFilterSchema } from './list-inbox.v1.js';

export const CountInboxRequestV1 = z.object({
  inboxId: RefIdSchema,
  /** Default: every status but closed (as the listing). */
  statuses: z.array(CaseStatusSchema).min(1).max(8).optional(),
  assigneeId: AssigneeFilterSchema.optional(),
});

const CountSchema = z.number().int().min(0);

/** The group heads of an inbox view: how many cases per status, per priority and per handler. */
export const InboxCountsSchema = z.object({
  total: CountSchema,
  /** Only the statuses that have cases. */
  byStatus: z.partialRecord(CaseStatusSchema, CountSchema),
  byPriority: z.partialRecord(CasePrioritySchema, CountSchema),
  /** Most cases first; assigneeId null: unassigned. */
  byAssignee: z.array(
    z.object({ assigneeId: z.string().nullable(), assigneeName: z.string().nullable(), count: CountSchema }),
  ),
});
export type InboxCounts = z.infer<typeof InboxCountsSchema>;

export const countInboxV1 = defineRpc({
  subject: 'case.rpc.count-inbox.v1',
  request: CountInboxRequestV1,
  response: InboxCountsSchema,
  example: { inboxId: 'kundtjanst' },
  description: "Counts an inbox's cases (in the caller's scope) per status, per priority and per handler.",
});
