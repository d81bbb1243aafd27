import { z } from 'zod';
import { ActorSchema } from '../actor.js';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, TimestampSchema, pageSchema } from './case.schemas.js';
import { FieldChangeSchema } from './case-updated.v1.js';

/** Kinds are open-ended (each feature adds its own: registered, updated, status-changed, related …). */
export const CaseEventKindSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z][a-z-]*$/, 'Lower-case letters and - only');

/** One line of a case's event log: who, when, what, with values before and after. */
export const CaseEventViewSchema = z.object({
  id: z.string(),
  kind: CaseEventKindSchema,
  actor: z.object({ id: ActorSchema.shape.id, name: z.string().nullable() }),
  occurredAt: TimestampSchema,
  changes: z.record(z.string(), FieldChangeSchema).nullable(),
});
export type CaseEventView = z.infer<typeof CaseEventViewSchema>;

export const ListCaseEventsRequestV1 = z
  .object({
    number: CaseNumberSchema,
    kinds: z.array(CaseEventKindSchema).min(1).max(20).optional(),
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
    actorId: z.string().min(1).max(200).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) <= Date.parse(r.to), {
    message: 'from must not be after to',
    path: ['to'],
  });

export const listCaseEventsV1 = defineRpc({
  subject: 'case.rpc.list-events.v1',
  request: ListCaseEventsRequestV1,
  response: pageSchema(CaseEventViewSchema),
  example: { number: '2026-000123', kinds: ['status-changed', 'assigned'], limit: 50 },
  description: 'A case’s event log, newest first, filtered by kind, time (from inclusive, to exclusive) and actor.',
});
