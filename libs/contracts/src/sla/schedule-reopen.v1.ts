import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, TimestampSchema } from '../case/case.schemas.js';

export const ScheduledReopenSchema = z.object({
  number: CaseNumberSchema,
  /** When the SLA watcher reopens the case. */
  at: TimestampSchema,
  reason: z.string().nullable(),
  scheduledBy: z.string(),
});

export const scheduleReopenV1 = defineRpc({
  subject: 'sla.rpc.schedule-reopen.v1',
  request: z.object({
    number: CaseNumberSchema,
    at: TimestampSchema,
    reason: z.string().trim().max(2000).optional(),
  }),
  response: ScheduledReopenSchema,
  example: { number: '2026-000123', at: '2026-12-01T08:00:00+01:00', reason: 'Följ upp att snön är röjd.' },
  description:
    'Schedules the reopening of a closed case at a future date and time (replaces an earlier schedule); the SLA watcher reopens it through case-core when the time comes.',
});

export const getScheduledReopenV1 = defineRpc({
  subject: 'sla.rpc.get-scheduled-reopen.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: z.object({ scheduled: ScheduledReopenSchema.nullable() }),
  example: { number: '2026-000123' },
  description: 'The pending scheduled reopening of a case, or null when none is scheduled.',
});

export const cancelReopenV1 = defineRpc({
  subject: 'sla.rpc.cancel-reopen.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: z.object({ number: CaseNumberSchema, cancelled: z.boolean() }),
  example: { number: '2026-000123' },
  description: 'Cancels the scheduled reopening of a case; `cancelled` is false when none was scheduled.',
});
