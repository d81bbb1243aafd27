import { z } from 'zod';
import { TimestampSchema } from '../case/case.schemas.js';
import { FormFieldSchema } from './form-submitted.v1.js';
import { PositionSchema } from './intake.schemas.js';

// The HTTP formats intake accepts from outside (its own; providers' formats such as 46elks and Facebook live
// with the intake code that reads them). Do not change a field without a migration plan for the senders.

/** What intake answers (202) to an accepted form submission or call hand-over; a repeat gets the first one's. */
export const IntakeAcceptedSchema = z.object({ intakeId: z.uuid(), receivedAt: TimestampSchema });
export type IntakeAccepted = z.infer<typeof IntakeAcceptedSchema>;

/** An empty text box means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** `POST /forms/:formId`: a web form or e-service submission (JSON, or the `submission` part of a multipart body). */
export const FormSubmissionRequestSchema = z
  .object({
    /** The sender's idempotency key: a repeat with the same key is applied once. */
    submissionId: z.string().min(1).max(200).nullish(),
    title: optionalText(300),
    /** `[{ name, label?, value }]`, or `{ name: value }` for a form without labels. */
    fields: z
      .union([
        z.array(FormFieldSchema.extend({ label: FormFieldSchema.shape.label.optional() })).max(200),
        z
          .record(FormFieldSchema.shape.name, FormFieldSchema.shape.value)
          .refine((fields) => Object.keys(fields).length <= 200, 'At most 200 fields'),
      ])
      .default([]),
    contact: z
      .object({
        name: optionalText(300),
        email: z
          .string()
          .trim()
          .max(320)
          .nullish()
          .transform((value) => (value ? value : null))
          .pipe(z.email().nullable()),
        phone: optionalText(50),
      })
      .default({ name: null, email: null, phone: null }),
    customerWantsAnswer: z.boolean().default(false),
    position: z
      .object({
        lat: PositionSchema.shape.lat,
        lon: PositionSchema.shape.lon,
        /** Metres, as a browser's geolocation gives it. */
        accuracy: z.number().nonnegative().max(100_000).nullish(),
      })
      .nullish(),
  })
  .refine((submission) => !submission.customerWantsAnswer || submission.contact.email || submission.contact.phone, {
    path: ['contact'],
    message: 'An answer needs an e-mail address or a phone number',
  });
export type FormSubmissionRequest = z.output<typeof FormSubmissionRequestSchema>;

/** Spellings of a withheld A-number. */
export const WITHHELD_NUMBERS = ['', 'anonymous', 'unknown', 'private', 'withheld', 'restricted'] as const;
const withheld = new Set<string>(WITHHELD_NUMBERS);

const count = z.number().int().nonnegative().nullable().default(null);

/** `POST /webhooks/telephony/call-answered`: the telephony platform's hand-over when an agent answers. */
export const CallAnsweredRequestSchema = z.object({
  callId: z.string().min(1).max(200),
  /** The caller's number; null or one of {@link WITHHELD_NUMBERS} when withheld. */
  aNumber: z
    .string()
    .max(50)
    .nullable()
    .default(null)
    .transform((value) => (value === null || withheld.has(value.trim().toLowerCase()) ? null : value.trim())),
  bNumber: z.string().max(50).nullable().default(null),
  answerGroup: z.string().max(200).nullable().default(null),
  queue: z
    .object({ name: z.string().max(200).nullable().default(null), waitedSeconds: count, position: count })
    .default({ name: null, waitedSeconds: null, position: null }),
  /** The agent's user name (what they log in with). */
  agent: z.string().min(1).max(200),
  /** Defaults to when intake received it. */
  answeredAt: TimestampSchema.optional(),
});
export type CallAnsweredRequest = z.output<typeof CallAnsweredRequestSchema>;
