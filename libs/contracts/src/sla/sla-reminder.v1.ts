import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema, RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

/** What the SLA watcher is following up. Wire names: do not change without a migration plan. */
export const FOLLOW_UP_KINDS = [
  'response', // time to first response (SLA)
  'feedback', // time to feedback to the customer (SLA)
  'resolution', // time to resolution (SLA)
  'acknowledgement', // a distributed case not acknowledged (kvitterat)
  'customer_contact', // the receiver has not marked the customer contacted
  'parked', // a parked case's follow-up time came
  'scheduled_reopen', // a closed case was reopened at its scheduled time
  'referral', // a referral not answered by its reply-by date
  'watch', // a watch (bevakning) fired
  'customer_reply', // a question to the customer is unanswered (reminder to the customer)
  'unanswered_close', // the case closed because the customer never replied
] as const;
export const FollowUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKindSchema>;

/** `reminder` first, `escalation` to the supervisor when reminders are ignored; `notice` is plain information. */
export const FOLLOW_UP_STAGES = ['reminder', 'escalation', 'notice'] as const;
export const FollowUpStageSchema = z.enum(FOLLOW_UP_STAGES);

/**
 * Who is to be told. The SLA watcher resolves roles (handler, customer service, supervisor) to these;
 * notifications turns each into an address: a user through the staff directory, an inbox through its e-mail
 * and its members' in-app notifications, a customer through the case's customer card.
 */
export const FollowUpRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('inbox'), inboxId: RefIdSchema }),
  z.object({ kind: z.literal('email'), address: z.email().max(320) }),
  z.object({ kind: z.literal('sms'), phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, like +46701234567') }),
  z.object({ kind: z.literal('customer') }),
]);
export type FollowUpRecipient = z.infer<typeof FollowUpRecipientSchema>;

export const slaReminderV1 = defineEvent({
  subject: 'sla.evt.reminder.v1',
  data: z.object({
    /** The timer that fired; unique per firing, so notifications sends each once. */
    timerId: z.uuid(),
    kind: FollowUpKindSchema,
    stage: FollowUpStageSchema,
    /** 1 for the first reminder, 2 for the next … */
    round: z.number().int().min(1),
    caseId: z.uuid(),
    number: CaseNumberSchema,
    title: z.string(),
    inboxId: RefIdSchema,
    assigneeId: z.string().nullable(),
    /** When the deadline was (or is, for a reminder before it). */
    dueAt: TimestampSchema,
    firedAt: TimestampSchema,
    recipients: z.array(FollowUpRecipientSchema).min(1).max(50),
    /** A short Swedish line saying what is due, for the message body. */
    text: z.string().max(2000),
  }),
  example: {
    timerId: '01935c60-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    kind: 'acknowledgement',
    stage: 'reminder',
    round: 1,
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    title: 'Snö ej röjd på Råsundavägen',
    inboxId: 'snorojning-ab',
    assigneeId: null,
    dueAt: '2026-11-23T10:15:00.000Z',
    firedAt: '2026-11-23T10:15:00.210Z',
    recipients: [
      { kind: 'inbox', inboxId: 'snorojning-ab' },
      { kind: 'email', address: 'kundtjanst@solna.example' },
    ],
    text: 'Ärendet är inte kvitterat.',
  },
  description:
    'A follow-up came due (SLA, acknowledgement, customer contact, parked, referral, watch, unanswered question); notifications tells the recipients.',
});

export const DailyReportCaseSchema = z.object({
  number: CaseNumberSchema,
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  assigneeId: z.string().nullable(),
  /** The nearest deadline still open, if any. */
  dueAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
});

export const slaDailyReportV1 = defineEvent({
  subject: 'sla.evt.daily-report.v1',
  data: z.object({
    reportId: z.uuid(),
    inboxId: RefIdSchema,
    /** The local date (Europe/Stockholm) the report is for. */
    date: z.iso.date(),
    /** Open for action, overdue first. At most 500; `total` counts all. */
    cases: z.array(DailyReportCaseSchema).max(500),
    total: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
  }),
  example: {
    reportId: '01935c61-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    inboxId: 'snorojning-ab',
    date: '2026-11-24',
    cases: [
      {
        number: '2026-000123',
        title: 'Snö ej röjd på Råsundavägen',
        status: 'with_external',
        priority: 'normal',
        assigneeId: null,
        dueAt: '2026-11-23T15:00:00.000Z',
        overdue: true,
      },
    ],
    total: 1,
    overdue: 1,
  },
  description: 'The morning follow-up report of an inbox: the cases still open for action, overdue first.',
});
