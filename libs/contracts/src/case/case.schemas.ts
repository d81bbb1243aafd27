import { z } from 'zod';
import { CaseLocationSchema } from './case-location.js';
import { CASE_PRIORITIES } from './case-workflow.js';

export const CASE_STATUSES = [
  'new',
  'open',
  'waiting_for_customer',
  'with_external',
  'parked',
  'resolved',
  'closed',
  'reopened',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CasePrioritySchema = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePrioritySchema>;

export const CASE_CHANNELS = [
  'phone',
  'email',
  'sms',
  'web_form',
  'e_service',
  'visit',
  'chat',
  'facebook',
  'x',
  'letter',
  'open311',
  'system',
] as const;
export const CaseChannelSchema = z.enum(CASE_CHANNELS);
export type CaseChannel = z.infer<typeof CaseChannelSchema>;

export const CASE_NUMBER_PATTERN = /^[0-9]{4}-[0-9]{6}$/;
export const CaseNumberSchema = z.string().regex(CASE_NUMBER_PATTERN, 'A case number looks like 2026-000123');

/** Ids of reference data (case types, inboxes, org units …) owned by routing: opaque, stable across renames. */
export const RefIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Letters, digits and _ . : - only');

export const TimestampSchema = z.iso.datetime({ offset: true });

const text = (max: number) => z.string().trim().max(max);

/** The fields an agent sets on a case; every one optional in an update. */
export const CaseFieldsSchema = z.object({
  title: text(300).min(1),
  description: text(20_000),
  priority: CasePrioritySchema,
  channel: CaseChannelSchema,
  caseTypeId: RefIdSchema.nullable(),
  categoryId: RefIdSchema.nullable(),
  areaId: RefIdSchema.nullable(),
  orgUnitId: RefIdSchema.nullable(),
  servicePointId: RefIdSchema.nullable(),
  templateId: RefIdSchema.nullable(),
  /** The contractor organisation the case is distributed to; that organisation's contractors see it. */
  externalOrganisationId: RefIdSchema.nullable(),
  customerWantsAnswer: z.boolean(),
  customerAnswered: z.boolean(),
  secret: z.boolean(),
  secrecyParagraph: text(200).nullable(),
  personalData: z.boolean(),
  eventAt: TimestampSchema.nullable(),
  /** Where the case is (a point or a drawn area), or null. */
  location: CaseLocationSchema.nullable(),
});
export type CaseFields = z.infer<typeof CaseFieldsSchema>;

/**
 * The service-level target a case carries from its template (business time in the named calendar); the SLA
 * watcher times it. Null on a case registered without a template or from one without a target.
 */
export const CaseSlaSchema = z.object({
  /** Minutes to the first answer. */
  responseMinutes: z.number().int().min(1).max(525_600).nullable(),
  /** Hours to resolution. */
  resolutionHours: z.number().int().min(1).max(8760).nullable(),
  /** The business-hours calendar the target counts in (null: the platform's default calendar). */
  calendarId: RefIdSchema.nullable(),
  /** Hours to feedback to the customer. Absent in events from before it existed, as are the two below. */
  feedbackHours: z.number().int().min(1).max(8760).nullable().default(null),
  /** Waiting for the customer: remind the customer after this many days without a reply. */
  customerReminderDays: z.number().int().min(1).max(365).nullable().default(null),
  /** Waiting for the customer: close the case after this many days without a reply. */
  closeUnansweredDays: z.number().int().min(1).max(365).nullable().default(null),
  /** Sent to another inbox: business minutes to acknowledge it (null: the inbox's limit). Absent before it existed. */
  acknowledgeMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  /** Sent to another inbox: business minutes to mark the customer contacted (null: the inbox's limit). */
  customerContactMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
});
export type CaseSla = z.infer<typeof CaseSlaSchema>;

export const CaseLockSchema = z.object({
  holderId: z.string(),
  holderName: z.string().nullable(),
  since: TimestampSchema,
});

/** A case as every reader sees it. */
export const CaseViewSchema = CaseFieldsSchema.extend({
  id: z.uuid(),
  number: CaseNumberSchema,
  version: z.number().int().positive(),
  status: CaseStatusSchema,
  parkedUntil: TimestampSchema.nullable(),
  inboxId: RefIdSchema,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  parentCaseId: z.uuid().nullable(),
  registeredAt: TimestampSchema,
  updatedAt: TimestampSchema,
  closedAt: TimestampSchema.nullable(),
  /** The customer wrote (an inbound message threaded onto the case) and nobody has answered since: a warning for the handler. */
  customerRepliedAt: TimestampSchema.nullable(),
  handlingSeconds: z.number().int().nonnegative(),
  lock: CaseLockSchema.nullable(),
  /**
   * Set while a specialist group owes feedback: the inbox the case returns to. Until then the case cannot be
   * resolved or closed (CASE.FEEDBACK_REQUIRED). Absent in events from before it existed.
   */
  feedbackReturnInboxId: RefIdSchema.nullable().default(null),
  /** Absent in events from before it existed. */
  sla: CaseSlaSchema.nullable().default(null),
  /**
   * When and by whom (user id) the receiver in the case's current inbox acknowledged it (kvitterade). Cleared
   * whenever the case changes inbox: the new receiver acknowledges again. Absent in events from before it existed,
   * as are the three below.
   */
  acknowledgedAt: TimestampSchema.nullable().default(null),
  acknowledgedBy: z.string().nullable().default(null),
  /** When and by whom the current receiver marked the customer contacted (återkopplat), or answered the customer. */
  customerContactedAt: TimestampSchema.nullable().default(null),
  customerContactedBy: z.string().nullable().default(null),
  /** Absent in events from before it existed. */
  location: CaseLocationSchema.nullable().default(null),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

/** Cursor pages: `nextCursor` is opaque; pass it back unchanged for the next page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const CaseRefSchema = z.object({ number: CaseNumberSchema });

export const exampleCase: CaseView = {
  id: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
  number: '2026-000123',
  version: 1,
  title: 'Snö ej röjd på Råsundavägen',
  description: 'Trottoaren utanför nr 12 är inte plogad sedan i morse.',
  status: 'new',
  parkedUntil: null,
  priority: 'normal',
  channel: 'phone',
  caseTypeId: 'snorojning',
  categoryId: 'gata-park',
  areaId: null,
  orgUnitId: 'stadsbyggnad',
  servicePointId: 'kundtjanst',
  templateId: null,
  externalOrganisationId: null,
  inboxId: 'kundtjanst',
  assigneeId: null,
  assigneeName: null,
  customerWantsAnswer: true,
  customerAnswered: false,
  secret: false,
  secrecyParagraph: null,
  personalData: false,
  eventAt: null,
  parentCaseId: null,
  registeredAt: '2026-11-23T08:15:00.000Z',
  updatedAt: '2026-11-23T08:15:00.000Z',
  closedAt: null,
  customerRepliedAt: null,
  handlingSeconds: 0,
  lock: null,
  feedbackReturnInboxId: null,
  sla: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  customerContactedAt: null,
  customerContactedBy: null,
  location: null,
};
