import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema, RefIdSchema, TimestampSchema } from './case.schemas.js';
import { ENTRY_ATTACHMENTS_MAX } from './entry.schemas.js';
import {
  ReferralNumberSchema,
  ReferralRecipientSchema,
  ReferralViewSchema,
  exampleReferral,
} from './referral.schemas.js';

export const SendReferralRequestV1 = z.object({
  number: CaseNumberSchema,
  /** The case version the sender read: a stale one is CASE.VERSION_CONFLICT. */
  version: z.number().int().positive(),
  to: ReferralRecipientSchema,
  message: z.string().trim().min(1).max(20_000),
  /** Attachments of the case's entries to send along (their ids). */
  attachmentIds: z.array(z.uuid()).max(ENTRY_ATTACHMENTS_MAX).default([]),
  /** Default: 14 days from now (REFERRAL_REPLY_DAYS). Must be in the future. */
  replyBy: TimestampSchema.optional(),
});

export const sendReferralV1 = defineRpc({
  subject: 'case.rpc.referral-send.v1',
  request: SendReferralRequestV1,
  response: ReferralViewSchema,
  example: {
    number: '2026-000123',
    version: 3,
    to: { email: 'trafik@solna.example', name: 'Trafikenheten' },
    message: 'Kan ni yttra er över önskemålet om farthinder på Råsundavägen?',
  },
  description:
    'Sends a case out on referral (remiss): gives it the next referral number of the case, writes a referral entry ' +
    'and publishes case.evt.referral-sent.v1 (notifications sends the mail).',
});

export const listReferralsV1 = defineRpc({
  subject: 'case.rpc.referral-list.v1',
  request: z.object({ number: CaseNumberSchema }),
  response: z.object({ items: z.array(ReferralViewSchema) }),
  example: { number: '2026-000123' },
  description: 'The referrals of a case in the order they were sent, with their answers.',
});

const { answers: _answers, ...sentExample } = exampleReferral;

export const referralSentV1 = defineEvent({
  subject: 'case.evt.referral-sent.v1',
  // Everything the mail needs: notifications sends it with this Message-ID and the referral number in the subject.
  data: ReferralViewSchema.omit({ answers: true }).extend({
    caseTitle: z.string(),
    inboxId: RefIdSchema,
  }),
  example: { ...sentExample, caseTitle: 'Önskemål om farthinder på Råsundavägen', inboxId: 'kundtjanst' },
  description:
    'A case was sent on referral; notifications mails the recipient, the SLA watcher reminds when replyBy nears.',
});

export const referralAnsweredV1 = defineEvent({
  subject: 'case.evt.referral-answered.v1',
  data: z.object({
    referralId: z.uuid(),
    referralNumber: ReferralNumberSchema,
    caseId: z.uuid(),
    number: CaseNumberSchema,
    inboxId: RefIdSchema,
    assigneeId: z.string().nullable(),
    /** The referral_answer entry. */
    entryId: z.uuid(),
    from: z.string(),
    receivedAt: TimestampSchema,
    /** True for the referral's first answer (it is then marked answered). */
    first: z.boolean(),
  }),
  example: {
    referralId: exampleReferral.id,
    referralNumber: exampleReferral.referralNumber,
    caseId: exampleReferral.caseId,
    number: exampleReferral.caseNumber,
    inboxId: 'kundtjanst',
    assigneeId: 'anna.agent',
    entryId: '01935c51-1a2b-7c3d-8e4f-5a6b7c8d9e11',
    from: 'trafik@solna.example',
    receivedAt: '2026-11-25T10:00:00.000Z',
    first: true,
  },
  description: 'An answer to a referral arrived and is on the case; the handler is warned as for a customer reply.',
});
