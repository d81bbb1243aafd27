import { z } from 'zod';
import { defineRpc } from '../message.js';
import { CaseNumberSchema, CaseStatusSchema, CaseViewSchema, TimestampSchema } from './case.schemas.js';

export const TransitionCaseRequestV1 = z.object({
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  to: CaseStatusSchema,
  /** Only with `parked`: when the case comes back to its handler. */
  parkedUntil: TimestampSchema.optional(),
  reason: z.string().trim().max(2000).optional(),
  /**
   * Closing a case whose customer wants an answer and was neither answered nor contacted is refused with
   * CASE.CUSTOMER_NOT_ANSWERED (a warning, where case-core has it on); true closes it anyway.
   */
  confirmUnanswered: z.boolean().optional(),
});

export const transitionCaseV1 = defineRpc({
  subject: 'case.rpc.transition.v1',
  request: TransitionCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', version: 2, to: 'parked', parkedUntil: '2026-12-01T08:00:00+01:00' },
  description:
    'Moves a case to another status along the allowed transitions; closing an unanswered case whose customer wants an answer needs confirmUnanswered.',
});
