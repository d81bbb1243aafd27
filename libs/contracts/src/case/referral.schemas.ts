import { z } from 'zod';
import { CaseNumberSchema, TimestampSchema } from './case.schemas.js';
import { EntryAttachmentSchema, EntryAuthorSchema } from './entry.schemas.js';

/** `2026-000123-R1`: the case number and the referral's place among the case's referrals. */
export const REFERRAL_NUMBER_PATTERN = /^[0-9]{4}-[0-9]{6}-R[1-9][0-9]{0,3}$/;
export const ReferralNumberSchema = z
  .string()
  .regex(REFERRAL_NUMBER_PATTERN, 'A referral number looks like 2026-000123-R1');

/** The default cap on the attachments one mail carries out of the platform, together (25 MiB). */
export const MAIL_ATTACHMENTS_MAX_BYTES = 25 * 1024 * 1024;

/** Wire names: do not change without a migration plan. */
export const REFERRAL_STATUSES = ['sent', 'answered'] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);

export const ReferralRecipientSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).nullable().default(null),
});

export const ReferralAnswerSchema = z.object({
  /** The referral_answer entry on the case's timeline. */
  entryId: z.uuid(),
  from: z.string(),
  receivedAt: TimestampSchema,
});

/** A referral (remiss): the case sent to an outside party for an opinion, with a reply-by date. */
export const ReferralViewSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseNumber: CaseNumberSchema,
  referralNumber: ReferralNumberSchema,
  to: ReferralRecipientSchema,
  message: z.string(),
  attachments: z.array(EntryAttachmentSchema),
  replyBy: TimestampSchema,
  /** The Message-ID the referral mail is sent with; a reply naming it in In-Reply-To or References threads back. */
  messageId: z.string(),
  /** The referral entry on the case's timeline. */
  entryId: z.uuid(),
  sentAt: TimestampSchema,
  sentBy: EntryAuthorSchema,
  status: ReferralStatusSchema,
  /** When the first answer arrived. */
  answeredAt: TimestampSchema.nullable(),
  answers: z.array(ReferralAnswerSchema),
});
export type ReferralView = z.infer<typeof ReferralViewSchema>;

export const exampleReferral: ReferralView = {
  id: '01935c50-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  caseNumber: '2026-000123',
  referralNumber: '2026-000123-R1',
  to: { email: 'trafik@solna.example', name: 'Trafikenheten' },
  message: 'Kan ni yttra er över önskemålet om farthinder på Råsundavägen?',
  attachments: [],
  replyBy: '2026-12-07T08:15:00.000Z',
  messageId: '<referral.01935c50-1a2b-7c3d-8e4f-5a6b7c8d9e0f@arende.solna.example>',
  entryId: '01935c50-1a2b-7c3d-8e4f-5a6b7c8d9e10',
  sentAt: '2026-11-23T08:15:00.000Z',
  sentBy: { id: 'anna.agent', name: 'Anna Andersson' },
  status: 'sent',
  answeredAt: null,
  answers: [],
};
