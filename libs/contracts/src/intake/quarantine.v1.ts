import { z } from 'zod';
import { TimestampSchema, pageSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { IntakeChannelSchema } from './intake.schemas.js';

export const QUARANTINE_STATUSES = ['quarantined', 'reprocessed'] as const;

/** A message intake could not turn into an event, kept with its reason until an admin re-processes it. */
export const QuarantinedMessageViewSchema = z.object({
  id: z.uuid(),
  channel: IntakeChannelSchema,
  status: z.enum(QUARANTINE_STATUSES),
  reason: z.string(),
  receivedAt: TimestampSchema,
  /** Key of the raw message or payload in intake's blob store. */
  rawBlobKey: z.string(),
  rawSize: z.number().int().nonnegative(),
  /** Where it came from: SMTP envelope, IMAP mailbox, or the webhook's remote address. */
  envelope: z.record(z.string(), z.unknown()),
  /** Set once re-processing succeeded (or found it was a duplicate). */
  reprocessedAt: TimestampSchema.nullable(),
  reprocessedBy: z.string().nullable(),
  /** How many times re-processing was tried; the reason is the last attempt's. */
  attempts: z.number().int().nonnegative(),
});
export type QuarantinedMessageView = z.infer<typeof QuarantinedMessageViewSchema>;

const exampleView = {
  id: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e74',
  channel: 'email',
  status: 'quarantined',
  reason: 'Error: unexpected end of MIME structure',
  receivedAt: '2026-11-23T09:15:01.000Z',
  rawBlobKey: 'intake/2026/11/23/01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e74/raw.eml',
  rawSize: 2048,
  envelope: { mailFrom: 'x@example.se', rcptTo: ['kundtjanst@kommun.se'] },
  reprocessedAt: null,
  reprocessedBy: null,
  attempts: 0,
} as const;

export const listQuarantineV1 = defineRpc({
  subject: 'intake.rpc.list-quarantine.v1',
  request: z.object({
    status: z.enum(QUARANTINE_STATUSES).optional(),
    channel: IntakeChannelSchema.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  response: pageSchema(QuarantinedMessageViewSchema),
  example: { status: 'quarantined', limit: 50 },
  description: 'Quarantined inbound messages, newest first. Admins only.',
});

export const getQuarantinedV1 = defineRpc({
  subject: 'intake.rpc.get-quarantined.v1',
  request: z.object({ id: z.uuid() }),
  response: QuarantinedMessageViewSchema.extend({
    /** The start of the raw message or payload as text (at most 64 KiB), for the admin to see what failed. */
    rawExcerpt: z.string(),
  }),
  example: { id: exampleView.id },
  description: 'One quarantined message with the start of its raw content. Admins only.',
});

export const reprocessQuarantinedV1 = defineRpc({
  subject: 'intake.rpc.reprocess-quarantined.v1',
  request: z.object({ id: z.uuid() }),
  response: z.object({
    outcome: z.enum(['accepted', 'duplicate', 'quarantined']),
    /** Why it is still quarantined, when it is. */
    reason: z.string().nullable(),
    message: QuarantinedMessageViewSchema,
  }),
  example: { id: exampleView.id },
  description:
    'Runs a quarantined message through intake again (after a fix was deployed). On success it is marked reprocessed and ' +
    'its event is published; otherwise it stays with the new reason. Admins only.',
});
