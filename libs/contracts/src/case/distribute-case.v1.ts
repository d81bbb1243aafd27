import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema, CaseViewSchema, RefIdSchema } from './case.schemas.js';

/**
 * Where a distribution sends a case (wire names: do not change without a migration plan). The first three move
 * it to an inbox of that kind; `external_system` e-mails it to another system; `for_information` e-mails it
 * and the case stays where it is.
 */
export const DISTRIBUTION_KINDS = [
  'work_group',
  'specialist_group',
  'external_party',
  'external_system',
  'for_information',
] as const;
export const DistributionKindSchema = z.enum(DISTRIBUTION_KINDS);
export type DistributionKind = z.infer<typeof DistributionKindSchema>;

/** The distribution kinds that move the case to another inbox. */
export const INBOX_DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'work_group',
  'specialist_group',
  'external_party',
];

/** Cases distributed at once, from the inbox view (each with the version the distributor read). */
export const DISTRIBUTE_MAX_CASES = 100;

/** What of the case an e-mail distribution carries. */
export const DistributionIncludeSchema = z.object({
  description: z.boolean().default(true),
  entries: z.boolean().default(false),
  attachments: z.boolean().default(false),
  customer: z.boolean().default(false),
});
export type DistributionInclude = z.infer<typeof DistributionIncludeSchema>;

const note = z.string().trim().max(4000);

export const CustomerNoticeSchema = z.object({
  /** The text the customer gets (Swedish, written by the distributor). */
  message: z.string().trim().min(1).max(4000),
  /** Where to send it when the case's customer card has no e-mail address. */
  email: z.email().max(320).optional(),
});

/** How a distribution sends its cases on; the request adds which cases. */
export const DistributionFieldsSchema = z.object({
  kind: DistributionKindSchema,
  /** The receiving inbox: required for the inbox kinds, absent for the e-mail kinds. */
  inboxId: RefIdSchema.optional(),
  /** Specialist groups only: the case cannot be resolved or closed until the specialist returns it. */
  requiresFeedback: z.boolean().default(false),
  /** The e-mail kinds only: recipients and what of the case to include. */
  email: z
    .object({
      to: z.array(z.email().max(320)).min(1).max(20),
      include: DistributionIncludeSchema.prefault({}),
    })
    .optional(),
  note: note.default(''),
  /** Tell the customer the case was sent on; only when one case is distributed. */
  notifyCustomer: CustomerNoticeSchema.optional(),
});

/** The rules between the fields of a distribution (kind, inbox, e-mail, feedback). */
export function checkDistributionFields(
  input: z.output<typeof DistributionFieldsSchema>,
  issues: z.RefinementCtx,
): void {
  const toInbox = INBOX_DISTRIBUTION_KINDS.includes(input.kind);
  const issue = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
  if (toInbox && input.inboxId === undefined) issue('inboxId', `A ${input.kind} distribution needs inboxId`);
  if (!toInbox && input.inboxId !== undefined) issue('inboxId', `A ${input.kind} distribution has no inbox`);
  if (!toInbox && input.email === undefined) issue('email', `A ${input.kind} distribution needs email.to`);
  if (toInbox && input.email !== undefined) issue('email', `A ${input.kind} distribution sends no e-mail`);
  if (input.requiresFeedback && input.kind !== 'specialist_group') {
    issue('requiresFeedback', 'Only a specialist group is asked for feedback');
  }
}

export const DistributeCasesRequestV1 = DistributionFieldsSchema.extend({
  cases: z
    .array(z.object({ number: CaseNumberSchema, version: z.number().int().positive() }))
    .min(1)
    .max(DISTRIBUTE_MAX_CASES)
    .refine((cases) => new Set(cases.map((c) => c.number)).size === cases.length, 'Each case once'),
}).superRefine(checkDistributionFields);

export const distributeCasesV1 = defineRpc({
  subject: 'case.rpc.distribute.v1',
  request: DistributeCasesRequestV1,
  response: z.object({ items: z.array(CaseViewSchema) }),
  example: {
    cases: [{ number: '2026-000123', version: 3 }],
    kind: 'external_party',
    inboxId: 'snorojning-ab',
    note: 'Plogning av trottoaren utanför Råsundavägen 12.',
    notifyCustomer: { message: 'Ditt ärende har skickats till vår entreprenör för snöröjning.' },
  },
  description:
    'Distributes one case or many (up to 100, all or none) to a work group, a specialist group (optionally requiring feedback), an external party, an external system by e-mail, or for information by e-mail; each gets a distribution entry.',
});

export const ReturnFeedbackRequestV1 = z.object({
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  /** The specialist's feedback to the inbox the case came from. */
  note: note.min(1),
});

export const returnFeedbackV1 = defineRpc({
  subject: 'case.rpc.return-feedback.v1',
  request: ReturnFeedbackRequestV1,
  response: CaseViewSchema,
  example: { number: '2026-000123', version: 5, note: 'Bygglovet är beviljat, kunden kan meddelas.' },
  description:
    'A specialist returns a case that requires feedback to the inbox it came from, with the feedback; clears the requirement.',
});

/** What a distributed event reports: a distribution kind, or the specialist's return with feedback. */
export const DistributedKindSchema = z.enum([...DISTRIBUTION_KINDS, 'feedback_return']);

export const caseDistributedV1 = defineEvent({
  subject: 'case.evt.distributed.v1',
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    version: z.number().int().positive(),
    kind: DistributedKindSchema,
    fromInboxId: RefIdSchema,
    /** The inbox the case is in now (the same as fromInboxId for the e-mail kinds). */
    toInboxId: RefIdSchema,
    requiresFeedback: z.boolean(),
    note: z.string(),
    /** The distribution entry written on the case. */
    entryId: z.uuid(),
    /** The e-mail kinds: recipients and what of the case to include (null otherwise). */
    email: z.object({ to: z.array(z.string()), include: DistributionIncludeSchema }).nullable(),
    /** What to tell the customer, if anything. */
    notifyCustomer: z.object({ message: z.string(), email: z.string().nullable() }).nullable(),
    /** The receiving inbox's limits for acknowledging and contacting the customer (null: the platform's). */
    acknowledgeMinutes: z.number().int().positive().nullable().default(null),
    customerContactMinutes: z.number().int().positive().nullable().default(null),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    version: 4,
    kind: 'external_party',
    fromInboxId: 'kundtjanst',
    toInboxId: 'snorojning-ab',
    requiresFeedback: false,
    note: 'Plogning av trottoaren utanför Råsundavägen 12.',
    entryId: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    email: null,
    notifyCustomer: { message: 'Ditt ärende har skickats till vår entreprenör för snöröjning.', email: null },
    acknowledgeMinutes: 120,
    customerContactMinutes: null,
  },
  description:
    'A case was distributed (or returned with feedback): from and to which inbox, the kind, the note, the e-mail to send and the customer notification, for notifications to deliver. When the inbox changed, the acknowledgement and customer-contact marks are cleared: the new receiver acknowledges again.',
});
