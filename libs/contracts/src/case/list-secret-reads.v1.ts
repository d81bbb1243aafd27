import { z } from 'zod';
import { ActorSchema } from '../actor.js';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, TimestampSchema, pageSchema } from './case.schemas.js';

/** One audited read of a secret case: who, when, which case, what they read, from where. */
export const SecretReadViewSchema = z.object({
  id: z.string(),
  actor: z.object({ id: ActorSchema.shape.id, name: z.string().nullable() }),
  readAt: TimestampSchema,
  caseId: z.uuid(),
  caseNumber: CaseNumberSchema,
  /** What was read, e.g. `case.get`, `entries.list`, `events.list`, `inbox.list`. */
  action: z.string(),
  origin: z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() }),
});
export type SecretReadView = z.infer<typeof SecretReadViewSchema>;

export const ListSecretReadsRequestV1 = z
  .object({
    caseNumber: CaseNumberSchema.optional(),
    actorId: z.string().min(1).max(200).optional(),
    from: TimestampSchema.optional(),
    to: TimestampSchema.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((r) => r.from === undefined || r.to === undefined || Date.parse(r.from) <= Date.parse(r.to), {
    message: 'from must not be after to',
    path: ['to'],
  });

export const listSecretReadsV1 = defineRpc({
  subject: 'case.rpc.list-secret-reads.v1',
  request: ListSecretReadsRequestV1,
  response: pageSchema(SecretReadViewSchema),
  example: { caseNumber: '2026-000123', limit: 50 },
  description:
    'The audit log of reads of secret cases, newest first, by case, reader and time (from inclusive, to exclusive). Admins only.',
});
