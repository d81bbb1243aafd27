import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DomainError,
  FormSubmissionRequestSchema,
  type IntakeAccepted,
  RefIdSchema,
  invalidRequest,
} from '@arende/contracts';
import type { FormIntakeService, SubmittedFile } from '../webhooks/form.service.js';
import type { FormOptions } from './webhook-config.js';

/** A JSON submission (no files) of 200 fields is well below this. */
export const FORM_JSON_BODY_LIMIT = 1024 * 1024;
const FIELD_VALUE_LIMIT = 1024 * 1024;

const TRUE_WORDS = new Set(['true', 'on', '1', 'yes', 'ja']);
const NUMERIC = new Set(['position.lat', 'position.lon', 'position.accuracy']);

/**
 * `POST /forms/:formId`: public (no authentication; CORS for the configured origins), JSON or
 * multipart/form-data. A submission that does not fit gets 400 `REQUEST.INVALID` with the field paths, so the
 * form can show what to fix; it is not quarantined. Answers 202 `{ intakeId, receivedAt }`.
 */
export function formController(options: FormOptions, forms: FormIntakeService) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(cors, {
      origin: options.allowedOrigins.length > 0 ? options.allowedOrigins : false,
      methods: ['POST'],
      maxAge: 600,
    });
    await app.register(multipart, {
      limits: {
        fileSize: options.maxFileBytes,
        files: options.maxFiles,
        fields: 300,
        fieldSize: FIELD_VALUE_LIMIT,
        parts: options.maxFiles + 300,
      },
    });
    app.post('/forms/:formId', { bodyLimit: FORM_JSON_BODY_LIMIT }, async (request, reply) => {
      const formId = RefIdSchema.safeParse((request.params as { formId: string }).formId);
      if (!formId.success) throw new DomainError('REQUEST.NOT_FOUND', 'No such form');
      const { body, files } = request.isMultipart()
        ? await readMultipart(request, options)
        : { body: request.body, files: [] };
      const submission = FormSubmissionRequestSchema.safeParse(body);
      if (!submission.success) throw invalidRequest(submission.error);
      const recorded = await forms.receive(formId.data, submission.data, files);
      const accepted: IntakeAccepted = { intakeId: recorded.intakeId, receivedAt: recorded.receivedAt.toISOString() };
      return reply.code(202).send(accepted);
    });
  };
}

/**
 * A multipart submission: either a `submission` part holding the JSON document, or plain form fields
 * (`title`, `submissionId`, `contact.name|email|phone`, `customerWantsAnswer`, `position.lat|lon|accuracy`,
 * anything else a form field), and the files.
 */
async function readMultipart(
  request: FastifyRequest,
  options: FormOptions,
): Promise<{ body: Record<string, unknown>; files: SubmittedFile[] }> {
  let document: Record<string, unknown> = {};
  const flat: Record<string, string> = {};
  const files: SubmittedFile[] = [];
  let total = 0;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      // A file input left empty still sends a part, with no name and no content.
      if (content.length === 0 && !part.filename) continue;
      total += content.length;
      if (total > options.maxTotalBytes) {
        throw new DomainError('REQUEST.TOO_LARGE', `The files together exceed ${options.maxTotalBytes} bytes`);
      }
      files.push({ filename: part.filename || null, contentType: part.mimetype, content });
    } else if (part.fieldname === 'submission') {
      try {
        const parsed = JSON.parse(String(part.value)) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        document = parsed as Record<string, unknown>;
      } catch {
        throw new DomainError('REQUEST.INVALID', 'The submission part is not a JSON object', {
          fields: [{ path: 'submission', message: 'Expected a JSON object' }],
        });
      }
    } else {
      flat[part.fieldname] = String(part.value);
    }
  }
  return { body: mergeFlatFields(document, flat), files };
}

function mergeFlatFields(document: Record<string, unknown>, flat: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...document };
  const contact = { ...(document.contact as Record<string, unknown> | undefined) };
  const position = { ...(document.position as Record<string, unknown> | undefined) };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(flat)) {
    if (name === 'title' || name === 'submissionId') body[name] = value;
    else if (name === 'customerWantsAnswer') body.customerWantsAnswer = TRUE_WORDS.has(value.trim().toLowerCase());
    else if (name.startsWith('contact.')) contact[name.slice('contact.'.length)] = value;
    else if (NUMERIC.has(name)) {
      // Left as text when it is not a number, so the answer names the field.
      const number = Number(value);
      if (value.trim() !== '') position[name.slice('position.'.length)] = Number.isFinite(number) ? number : value;
    } else fields[name] = value;
  }
  if (Object.keys(contact).length > 0) body.contact = contact;
  if (Object.keys(position).length > 0) body.position = position;
  if (Object.keys(fields).length > 0) {
    const existing = document.fields;
    body.fields = Array.isArray(existing)
      ? [...(existing as unknown[]), ...Object.entries(fields).map(([name, value]) => ({ name, value }))]
      : { ...(existing as Record<string, string> | undefined), ...fields };
  }
  return body;
}
