import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineEvent } from '../message.js';
import { IntakeFileSchema, IntakeTimestampSchema, PositionSchema } from './intake.schemas.js';

export const FormFieldSchema = z.object({
  name: z.string().min(1).max(100),
  label: z.string().max(300),
  value: z.string().max(20_000),
});

export const formSubmittedV1 = defineEvent({
  subject: 'intake.evt.form-submitted.v1',
  data: z.object({
    intakeId: z.uuid(),
    /** Which form or e-service (`felanmalan-gata`). */
    formId: RefIdSchema,
    /** The sender's own idempotency key, when the form sent one; repeated submissions with it are applied once. */
    submissionId: z.string().max(200).nullable(),
    title: z.string().max(300).nullable(),
    fields: z.array(FormFieldSchema).max(200),
    contact: z.object({
      name: z.string().max(300).nullable(),
      email: z.email().max(320).nullable(),
      phone: z.string().max(50).nullable(),
    }),
    customerWantsAnswer: z.boolean(),
    attachments: z.array(IntakeFileSchema).max(20),
    position: PositionSchema.nullable(),
    submittedAt: IntakeTimestampSchema,
  }),
  example: {
    intakeId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e72',
    formId: 'felanmalan-gata',
    submissionId: null,
    title: 'Trasig gatlykta',
    fields: [{ name: 'beskrivning', label: 'Beskriv felet', value: 'Lyktan vid busshållplatsen är släckt.' }],
    contact: { name: 'Per Olsson', email: 'per@example.se', phone: null },
    customerWantsAnswer: true,
    attachments: [],
    position: { lat: 59.3625, lon: 18.0009, accuracyMeters: 15 },
    submittedAt: '2026-11-23T09:15:00.000Z',
  },
  description: 'A web form or e-service submission arrived; it always registers a new case.',
});

export type FormSubmittedV1Data = z.output<typeof formSubmittedV1.data>;
