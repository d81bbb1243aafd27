import { z } from 'zod';
import { RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

/** The messages whose wording administrators may change. Wire names: do not change without a migration plan. */
export const TEMPLATED_PURPOSES = [
  'customer_registration',
  'customer_distribution',
  'customer_close',
  'distribution_external',
  'distribution_information',
  'referral',
] as const;
export const TemplatedPurposeSchema = z.enum(TEMPLATED_PURPOSES);
export type TemplatedPurpose = z.infer<typeof TemplatedPurposeSchema>;

/** Swedish is the default; an English text is optional. */
export const MESSAGE_LANGUAGES = ['sv', 'en'] as const;
export const MessageLanguageSchema = z.enum(MESSAGE_LANGUAGES);
export type MessageLanguage = z.infer<typeof MessageLanguageSchema>;

/** Every message knows these about its case. `portalLine` is `portalLink` with a sentence around it (or empty). */
const CASE_PLACEHOLDERS = [
  'caseNumber',
  'title',
  'customerName',
  'handlerName',
  'expectedFeedback',
  'portalLink',
  'portalLine',
] as const;

/** The `{placeholder}`s a template of each purpose may use. */
export const TEMPLATE_PLACEHOLDERS: Record<TemplatedPurpose, readonly string[]> = {
  customer_registration: [...CASE_PLACEHOLDERS, 'feedbackLine'],
  customer_distribution: [...CASE_PLACEHOLDERS, 'message'],
  customer_close: [...CASE_PLACEHOLDERS, 'solution'],
  distribution_external: [...CASE_PLACEHOLDERS, 'note', 'details'],
  distribution_information: [...CASE_PLACEHOLDERS, 'note', 'details'],
  referral: [
    ...CASE_PLACEHOLDERS,
    'greeting',
    'recipientName',
    'message',
    'referralNumber',
    'replyBy',
    'senderName',
    'attachments',
  ],
};

export const MessageTemplateFieldsSchema = z.object({
  /** The subject; the case number is put in front of it when it is missing (replies thread by it). */
  subject: z.string().trim().min(1).max(900),
  body: z.string().trim().min(1).max(20_000),
});

export const MessageTemplateKeySchema = z.object({
  purpose: TemplatedPurposeSchema,
  language: MessageLanguageSchema.default('sv'),
});

export const MessageTemplateViewSchema = MessageTemplateKeySchema.extend({
  language: MessageLanguageSchema,
  subject: z.string(),
  body: z.string(),
  /** The placeholders this purpose may use. */
  placeholders: z.array(z.string()),
  /** True for the platform's own text, used while no template is stored. */
  builtIn: z.boolean(),
  updatedAt: TimestampSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type MessageTemplateView = z.infer<typeof MessageTemplateViewSchema>;

/** The logo's image types and its largest size (decoded), so signatures stay small in every mail. */
export const SIGNATURE_LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export const SIGNATURE_LOGO_MAX_BYTES = 200_000;

/**
 * Whose signature: both null is the global one; a user, a service point, or both. The most specific one that
 * exists is used (user and service point, then user, then service point, then global).
 */
export const SignatureScopeSchema = z.object({
  userId: z.string().trim().min(1).max(200).nullable().default(null),
  servicePointId: RefIdSchema.nullable().default(null),
});
export type SignatureScope = z.output<typeof SignatureScopeSchema>;

export const SignatureFieldsSchema = z.object({
  text: z.string().trim().min(1).max(4000),
  /** Shown in HTML mail instead of the text; scripts and event attributes are refused. */
  html: z.string().trim().min(1).max(50_000).nullable().default(null),
  /** The city's logo as a data URL (`data:image/png;base64,…`): PNG, JPEG or SVG, at most 200 kB. */
  logo: z
    .string()
    .max(Math.ceil((SIGNATURE_LOGO_MAX_BYTES * 4) / 3) + 100)
    .nullable()
    .default(null),
});

export const SignatureViewSchema = z.object({
  userId: z.string().nullable(),
  servicePointId: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  logo: z.string().nullable(),
  updatedAt: TimestampSchema,
  updatedBy: z.string(),
});
export type SignatureView = z.infer<typeof SignatureViewSchema>;
