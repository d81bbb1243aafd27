import { z } from 'zod';
import { CaseNumberSchema, TimestampSchema } from '../case/case.schemas.js';

/** How a message travels. Wire names: do not change without a migration plan. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

/**
 * `queued` waits for (another) attempt; `sent` was accepted by the relay or provider; `failed` was refused for good
 * or ran out of attempts; `suppressed` was never sent because the address bounced or answers automatically.
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'suppressed'] as const;
export const MessageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** Why the message was sent. */
export const MESSAGE_PURPOSES = [
  'manual',
  'reminder',
  'daily_report',
  'alarm',
  'customer_registration',
  'customer_distribution',
  'customer_close',
  'distribution_external',
  'distribution_information',
  'referral',
] as const;
export const MessagePurposeSchema = z.enum(MESSAGE_PURPOSES);
export type MessagePurpose = z.infer<typeof MessagePurposeSchema>;

/** One attempt to hand a message over, in the delivery log. */
export const DeliveryAttemptSchema = z.object({
  attempt: z.number().int().positive(),
  at: TimestampSchema,
  outcome: z.enum(['sent', 'temporary_failure', 'permanent_failure']),
  /** The relay's or provider's answer (an SMTP reply line, an HTTP status). */
  detail: z.string().max(2000),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const MessageViewSchema = z.object({
  id: z.uuid(),
  channel: NotificationChannelSchema,
  purpose: MessagePurposeSchema,
  caseNumber: CaseNumberSchema.nullable(),
  recipient: z.string().max(320),
  subject: z.string().max(998),
  text: z.string(),
  status: MessageStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** Why it failed or was suppressed. */
  reason: z.string().max(2000).nullable(),
  /** The e-mail's Message-ID (a reply naming it threads onto the case). */
  messageId: z.string().max(998).nullable(),
  createdAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
  nextAttemptAt: TimestampSchema.nullable(),
  log: z.array(DeliveryAttemptSchema),
});
export type MessageView = z.infer<typeof MessageViewSchema>;

export const exampleMessage: MessageView = {
  id: '01935c70-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  channel: 'email',
  purpose: 'reminder',
  caseNumber: '2026-000123',
  recipient: 'arbetsorder@snorojning-ab.example',
  subject: 'Ärende 2026-000123: Snö ej röjd på Råsundavägen',
  text: 'Ärendet är inte kvitterat.',
  status: 'sent',
  attempts: 1,
  reason: null,
  messageId: '<01935c70-0a1b-7c2d-8e3f-4a5b6c7d8e9f@arende.solna.example>',
  createdAt: '2026-11-23T10:15:00.300Z',
  sentAt: '2026-11-23T10:15:00.420Z',
  nextAttemptAt: null,
  log: [{ attempt: 1, at: '2026-11-23T10:15:00.420Z', outcome: 'sent', detail: '250 Kept as 1' }],
};
