import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseNumberSchema, RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

/** What an in-app notification is about. Wire names: do not change without a migration plan. */
export const IN_APP_KINDS = ['reminder', 'escalation', 'watch', 'notice', 'report', 'assignment'] as const;
export const InAppKindSchema = z.enum(IN_APP_KINDS);
export type InAppKind = z.infer<typeof InAppKindSchema>;

/** Who sees it: one user (their login, the token's preferred_username), or every member of an inbox. */
export const InAppRecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userName: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('inbox'), inboxId: RefIdSchema }),
]);
export type InAppRecipient = z.infer<typeof InAppRecipientSchema>;

export const inAppNotificationV1 = defineEvent({
  subject: 'notifications.evt.in-app.v1',
  data: z.object({
    /** The same for every copy of one notification (a follow-up handled again), so a client shows it once. */
    notificationId: z.string().min(1).max(400),
    to: InAppRecipientSchema,
    kind: InAppKindSchema,
    caseId: z.uuid().nullable(),
    caseNumber: CaseNumberSchema.nullable(),
    title: z.string().max(1000),
    text: z.string().max(5000),
    /** The case's page in the agent client (`/cases/<number>`), null when it is about no case. */
    link: z.string().max(500).nullable(),
    createdAt: TimestampSchema,
  }),
  example: {
    notificationId: 'reminder:01935c60-0a1b-7c2d-8e3f-4a5b6c7d8e9f:1:user:elin',
    to: { kind: 'user', userName: 'elin' },
    kind: 'reminder',
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    caseNumber: '2026-000123',
    title: 'Påminnelse: Snö ej röjd på Råsundavägen',
    text: 'Ärendet är inte kvitterat.',
    link: '/cases/2026-000123',
    createdAt: '2026-11-23T10:15:00.300Z',
  },
  description:
    'A notification for staff in the agent client (reminder, escalation, watch, report…), sent beside the e-mail; the gateway pushes it live to the recipient.',
});
