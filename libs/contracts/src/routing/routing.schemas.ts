import { z } from 'zod';
import {
  CaseChannelSchema,
  CasePrioritySchema,
  CaseStatusSchema,
  RefIdSchema,
  TimestampSchema,
} from '../case/case.schemas.js';

/** The reference data routing owns besides templates; each kind has its own id space. */
export const REFERENCE_KINDS = ['case-type', 'category', 'area', 'org-unit', 'service-point', 'answer-group'] as const;
export const ReferenceKindSchema = z.enum(REFERENCE_KINDS);
export type ReferenceKind = z.infer<typeof ReferenceKindSchema>;

/** An org unit is a department (förvaltning) or a unit (avdelning) under one. */
export const OrgLevelSchema = z.enum(['department', 'unit']);

const text = (max: number) => z.string().trim().max(max);

/** The fields an administrator sets on a reference item. */
export const ReferenceFieldsSchema = z.object({
  name: text(200).min(1),
  description: text(2000).default(''),
  /** Case types only: what the agent should do with a case of this type. */
  instruction: text(20_000).default(''),
  /** Org units only. */
  orgLevel: OrgLevelSchema.nullable().default(null),
  /** Org units only: the department a unit belongs to. */
  parentId: RefIdSchema.nullable().default(null),
  active: z.boolean().default(true),
});

export const ReferenceItemSchema = ReferenceFieldsSchema.extend({
  kind: ReferenceKindSchema,
  id: RefIdSchema,
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
});
export type ReferenceItem = z.infer<typeof ReferenceItemSchema>;

/** The message fields a rule condition can test. */
export const MATCH_FIELDS = ['subject', 'body', 'from', 'to', 'channel'] as const;
export const MatchFieldSchema = z.enum(MATCH_FIELDS);
export type MatchField = z.infer<typeof MatchFieldSchema>;

/**
 * A keyword is a word or phrase matched as whole words, case-insensitively (Swedish letters included);
 * a trailing `*` matches any word that begins with it (`snöröj*` for snöröjning, snöröjningen).
 */
export const KeywordSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}@._+\- ]+\*?$/u, 'Letters, digits, spaces and @ . _ + - only; * only at the end');

export const MatchConditionSchema = z.discriminatedUnion('match', [
  z.object({
    field: MatchFieldSchema,
    match: z.literal('keywords'),
    /** Any one of them is enough. */
    keywords: z.array(KeywordSchema).min(1).max(100),
  }),
  z.object({
    field: MatchFieldSchema,
    match: z.literal('regex'),
    /** RE2 syntax (no look-around, no back-references), matched case-insensitively. */
    pattern: z.string().min(1).max(1000),
  }),
]);
export type MatchCondition = z.infer<typeof MatchConditionSchema>;

/** Every condition of a rule must hold. */
export const MatchRuleSchema = z.object({
  name: text(200).default(''),
  conditions: z.array(MatchConditionSchema).min(1).max(10),
});
export type MatchRule = z.infer<typeof MatchRuleSchema>;

export const SlaTargetSchema = z.object({
  /** Minutes to the first answer, in business time. */
  responseMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  /** Hours to resolution, in business time. */
  resolutionHours: z.number().int().min(1).max(8760).nullable().default(null),
  /** The business-hours calendar the target counts in. */
  calendarId: RefIdSchema.nullable().default(null),
  /** Hours to feedback to the customer (återkoppling), in business time. */
  feedbackHours: z.number().int().min(1).max(8760).nullable().default(null),
  /** Waiting for the customer: remind the customer after this many days without a reply. */
  customerReminderDays: z.number().int().min(1).max(365).nullable().default(null),
  /** Waiting for the customer: close the case after this many days without a reply. */
  closeUnansweredDays: z.number().int().min(1).max(365).nullable().default(null),
  /** Sent to another inbox: business minutes it has to acknowledge the case (overrides the inbox's limit). */
  acknowledgeMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  /** Sent to another inbox: business minutes it has to mark the customer contacted (overrides the inbox's). */
  customerContactMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
});

/** Which customer notifications a case of the template sends (the distribution notice is chosen per distribution). */
export const CustomerNoticesSchema = z.object({
  /** When the case is registered and sent on: its number and when to expect feedback. */
  onRegistration: z.boolean().default(false),
  /** When the case closes: the solution text. */
  onClose: z.boolean().default(false),
});

export const AlarmSchema = z.object({
  enabled: z.boolean().default(false),
  /** Words in the subject or body that alert a supervisor; none: every case of the template does. */
  keywords: z.array(KeywordSchema).max(100).default([]),
});

/** The fields of a template (mallärende): what a case registered from it is pre-filled with, and its rules. */
export const TemplateFieldsSchema = z.object({
  title: text(300).min(1),
  /** Lower first: the templates' rules are tried in this order. */
  position: z.number().int().min(0).max(1_000_000).default(0),
  active: z.boolean().default(true),
  caseTypeId: RefIdSchema.nullable().default(null),
  categoryId: RefIdSchema.nullable().default(null),
  areaId: RefIdSchema.nullable().default(null),
  orgUnitId: RefIdSchema.nullable().default(null),
  servicePointId: RefIdSchema.nullable().default(null),
  answerGroupId: RefIdSchema.nullable().default(null),
  inboxId: RefIdSchema.nullable().default(null),
  description: text(20_000).default(''),
  /** Sent to the customer. */
  solutionText: text(20_000).default(''),
  alternativeSolutionTexts: z.array(text(20_000).min(1)).max(20).default([]),
  sla: SlaTargetSchema.prefault({}),
  defaultStatus: CaseStatusSchema.default('new'),
  defaultPriority: CasePrioritySchema.default('normal'),
  steps: z.array(text(2000).min(1)).max(50).default([]),
  /** Close the case as soon as it is registered (newsletters, auto-replies). */
  closeAtOnce: z.boolean().default(false),
  alarm: AlarmSchema.prefault({}),
  customerNotices: CustomerNoticesSchema.prefault({}),
  rules: z.array(MatchRuleSchema).max(50).default([]),
});
export type TemplateFields = z.infer<typeof TemplateFieldsSchema>;

export const TemplateSchema = TemplateFieldsSchema.extend({
  id: RefIdSchema,
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
});
export type Template = z.infer<typeof TemplateSchema>;

export const MatchInputSchema = z.object({
  channel: CaseChannelSchema,
  subject: z.string().max(2000).default(''),
  body: z.string().max(1_000_000).default(''),
  from: z.string().max(500).default(''),
  to: z.array(z.string().max(500)).max(100).default([]),
});
export type MatchInput = z.input<typeof MatchInputSchema>;
