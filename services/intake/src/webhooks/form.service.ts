import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { FormFieldSchema, PositionSchema, formSubmittedV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import type { ChannelIntake, Recorded } from './channel-intake.js';

/** An empty text box means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

/** A submission as a form posts it (JSON, or the `submission` part / named fields of a multipart body). */
export const FormSubmissionRequestSchema = z
  .object({
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

/** A file of a submission, read and within the limits. */
export interface SubmittedFile {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** A form submission: files to the blob store first, then `inbound_message` + `intake.evt.form-submitted.v1`. */
export class FormIntakeService {
  constructor(private readonly channel: ChannelIntake) {}

  async receive(formId: string, submission: FormSubmissionRequest, files: SubmittedFile[]): Promise<Recorded> {
    const receivedAt = new Date();
    const intakeId = uuidv7();
    const prefix = blobPrefix(receivedAt, intakeId);
    const rawBlobKey = `${prefix}/submission.json`;
    await this.channel.blobs.put(
      rawBlobKey,
      Buffer.from(JSON.stringify({ formId, ...submission })),
      'application/json; charset=utf-8',
    );
    const attachments = [];
    for (const [index, file] of files.entries()) {
      const blobKey = `${prefix}/file-${index}`;
      await this.channel.blobs.put(blobKey, file.content, file.contentType);
      attachments.push({ filename: file.filename, contentType: file.contentType, size: file.content.length, blobKey });
    }
    const fields = Array.isArray(submission.fields)
      ? submission.fields.map((f) => ({ name: f.name, label: f.label ?? f.name, value: f.value }))
      : Object.entries(submission.fields).map(([name, value]) => ({ name, label: name, value }));
    return this.channel.record(
      {
        intakeId,
        channel: 'web_form',
        messageId: `web_form:${formId}:${submission.submissionId ?? intakeId}`,
        rawBlobKey,
        from: submission.contact.email ?? submission.contact.phone,
        to: [formId],
        receivedAt,
      },
      formSubmittedV1,
      {
        intakeId,
        formId,
        submissionId: submission.submissionId ?? null,
        title: submission.title,
        fields,
        contact: submission.contact,
        customerWantsAnswer: submission.customerWantsAnswer,
        attachments,
        position: submission.position
          ? {
              lat: submission.position.lat,
              lon: submission.position.lon,
              accuracyMeters: submission.position.accuracy ?? null,
            }
          : null,
        submittedAt: receivedAt.toISOString(),
      },
    );
  }
}
