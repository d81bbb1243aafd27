import { z } from 'zod';
import { defineEvent } from '../message.js';
import { IntakeFileSchema, IntakeTimestampSchema } from './intake.schemas.js';

export const SMS_TEXT_MAX = 10_000;

export const smsReceivedV1 = defineEvent({
  subject: 'intake.evt.sms-received.v1',
  data: z.object({
    intakeId: z.uuid(),
    /** The provider whose webhook delivered it (`46elks`). */
    provider: z.string().min(1).max(50),
    /** The provider's id of the message; a second delivery with the same id is applied once. */
    providerMessageId: z.string().min(1).max(200),
    /** Sender in E.164 (`+46701234567`), as the provider gives it. */
    from: z.string().min(1).max(50),
    /** The city's number it was sent to. */
    to: z.string().min(1).max(50),
    text: z.string().max(SMS_TEXT_MAX),
    /** Images of an MMS, stored by intake. */
    attachments: z.array(IntakeFileSchema).max(20).default([]),
    /** When the provider received it (its `created`), or when intake did. */
    sentAt: IntakeTimestampSchema,
    receivedAt: IntakeTimestampSchema,
  }),
  example: {
    intakeId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e70',
    provider: '46elks',
    providerMessageId: 'sf8425555e5d8db61dda7a7b3f1b91bdb',
    from: '+46701234567',
    to: '+46766861004',
    text: 'Hej, soptunnan på Ekvägen 4 har inte tömts.',
    attachments: [],
    sentAt: '2026-11-23T09:15:00.000Z',
    receivedAt: '2026-11-23T09:15:01.000Z',
  },
  description:
    'An SMS arrived through the provider webhook. Case-core threads it onto an open case from the same number, else registers a case.',
});

export type SmsReceivedV1Data = z.output<typeof smsReceivedV1.data>;
