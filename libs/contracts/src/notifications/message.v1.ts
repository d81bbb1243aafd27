import { z } from 'zod';
import { defineEvent, defineRpc } from '../message.js';
import { CaseNumberSchema } from '../case/case.schemas.js';
import {
  exampleMessage,
  MessageStatusSchema,
  MessageViewSchema,
  NotificationChannelSchema,
} from './notification.schemas.js';

export const SendEmailRequestV1 = z.object({
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(900),
  text: z.string().min(1).max(100_000),
  html: z.string().max(500_000).optional(),
  /** The case the message is about: its number leads the subject and the sent mail lands on its timeline. */
  caseNumber: CaseNumberSchema.optional(),
  /** Sending twice with the same key queues one message (the first one's view is returned). */
  dedupeKey: z.string().min(1).max(300).optional(),
});

export const sendEmailV1 = defineRpc({
  subject: 'notifications.rpc.send-email.v1',
  request: SendEmailRequestV1,
  response: MessageViewSchema,
  example: {
    to: 'eva@example.se',
    subject: 'Trasig gatlykta',
    text: 'Hej Eva! Lyktan lagas i veckan.',
    caseNumber: '2026-000123',
  },
  description:
    'Queues an e-mail (staff and services): suppressed at once when the address bounced or answers automatically, otherwise sent with retries.',
});

/** A phone number in E.164 (`+46701234567`): the gateway turns what the agent typed into it. */
export const E164Schema = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'A phone number in E.164, like +46701234567');

export const SendSmsRequestV1 = z.object({
  to: E164Schema,
  /** At most 10 parts of 153 GSM-7 characters (the provider's own limit is higher). */
  text: z.string().trim().min(1).max(1530),
  /** The case the text is about: once sent it lands on its timeline as an outbound SMS. */
  caseNumber: CaseNumberSchema.optional(),
  /** Sending twice with the same key queues one message (the first one's view is returned). */
  dedupeKey: z.string().min(1).max(300).optional(),
});

export const sendSmsV1 = defineRpc({
  subject: 'notifications.rpc.send-sms.v1',
  request: SendSmsRequestV1,
  response: MessageViewSchema,
  example: { to: '+46701234567', text: 'Hej! Lyktan lagas i veckan. /Solna stad', caseNumber: '2026-000123' },
  description:
    'Queues a text message (staff and services), sent through the SMS provider with retries; without a provider it fails with SMS.NOT_CONFIGURED.',
});

export const listMessagesV1 = defineRpc({
  subject: 'notifications.rpc.list-messages.v1',
  request: z.object({ caseNumber: CaseNumberSchema }),
  response: z.object({ items: z.array(MessageViewSchema) }),
  example: { caseNumber: '2026-000123' },
  description: 'The messages sent about a case, oldest first, each with its delivery log.',
});

const DeliveryEventSchema = z.object({
  id: z.uuid(),
  channel: NotificationChannelSchema,
  status: MessageStatusSchema,
  caseNumber: CaseNumberSchema.nullable(),
  recipient: z.string().max(320),
  messageId: z.string().max(998).nullable(),
  attempts: z.number().int().nonnegative(),
  reason: z.string().max(2000).nullable(),
});

const exampleDelivery = {
  id: exampleMessage.id,
  channel: exampleMessage.channel,
  caseNumber: exampleMessage.caseNumber,
  recipient: exampleMessage.recipient,
  messageId: exampleMessage.messageId,
  attempts: 1,
};

export const messageSentV1 = defineEvent({
  subject: 'notifications.evt.message-sent.v1',
  data: DeliveryEventSchema,
  example: { ...exampleDelivery, status: 'sent', reason: null },
  description: 'A message was handed to the mail relay or the SMS provider.',
});

export const messageFailedV1 = defineEvent({
  subject: 'notifications.evt.message-failed.v1',
  data: DeliveryEventSchema,
  example: { ...exampleDelivery, status: 'failed', reason: '550 Mailbox unavailable' },
  description: 'A message could not be delivered (refused for good, out of attempts, or suppressed).',
});
