import { uuidv7 } from 'uuidv7';
import { type FormSubmissionRequest, formSubmittedV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import type { ChannelIntake, Recorded } from './channel-intake.js';

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
