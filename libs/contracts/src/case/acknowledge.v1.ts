import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema, RefIdSchema, TimestampSchema } from './case.schemas.js';

/**
 * Kvittera: the receiver of a distributed case (a member of its inbox, a contractor of the organisation it is
 * sent to, or a supervisor by service point) confirms they have it. Acknowledging again changes nothing and
 * publishes nothing. The mark is cleared when the case changes inbox.
 */
export const AcknowledgeCaseRequestV1 = z.object({ number: CaseNumberSchema });

export const acknowledgeCaseV1 = defineRpc({
  subject: 'case.rpc.acknowledge.v1',
  request: AcknowledgeCaseRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123' },
  description:
    'The receiver of a distributed case acknowledges it (kvitterar); the SLA watcher stops reminding. Answers the case.',
});

/**
 * Återkoppla: the receiver marks that the customer was contacted, with an optional note for the timeline (a
 * staff-only internal note, written each time one is given). It acknowledges the case too if nobody had. A
 * customer-visible answer to the customer (an outbound e-mail or SMS, a customer-visible phone note) marks it
 * as well.
 */
export const MarkCustomerContactedRequestV1 = z.object({
  number: CaseNumberSchema,
  note: z.string().trim().max(2000).optional(),
});

export const markCustomerContactedV1 = defineRpc({
  subject: 'case.rpc.customer-contacted.v1',
  request: MarkCustomerContactedRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', note: 'Ringde kunden, plogning sker i eftermiddag.' },
  description: 'The receiver of a case marks that the customer was contacted (återkopplat). Answers the case.',
});

export const CaseFollowUpMarkSchema = z.object({
  caseId: z.uuid(),
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  inboxId: RefIdSchema,
  /** Who acknowledged or contacted the customer (user id). */
  by: z.string(),
  at: TimestampSchema,
});

const example = {
  caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  number: '2026-000123',
  version: 5,
  inboxId: 'snorojning-ab',
  by: 'erik.entreprenor',
  at: '2026-11-23T10:02:00.000Z',
} as const;

export const caseAcknowledgedV1 = defineEvent({
  subject: 'case.evt.acknowledged.v1',
  data: CaseFollowUpMarkSchema,
  example,
  description: 'The receiver of a distributed case acknowledged it (first time per inbox only).',
});

export const caseCustomerContactedV1 = defineEvent({
  subject: 'case.evt.customer-contacted.v1',
  data: CaseFollowUpMarkSchema,
  example,
  description:
    'The customer of a case was contacted: its receiver marked it, or somebody answered the customer (first time per inbox only).',
});
