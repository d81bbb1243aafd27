import { z } from 'zod';
import { defineRpc } from '../message.js';
import {
  MessageTemplateFieldsSchema,
  MessageTemplateKeySchema,
  MessageTemplateViewSchema,
  SignatureFieldsSchema,
  SignatureScopeSchema,
  SignatureViewSchema,
} from './message-template.schemas.js';

export const listMessageTemplatesV1 = defineRpc({
  subject: 'notifications.rpc.message-template-list.v1',
  request: z.object({}),
  response: z.object({ items: z.array(MessageTemplateViewSchema) }),
  example: {},
  description:
    'Every stored message template, and the built-in Swedish text of each purpose that has none stored (staff).',
});

export const getMessageTemplateV1 = defineRpc({
  subject: 'notifications.rpc.message-template-get.v1',
  request: MessageTemplateKeySchema,
  response: MessageTemplateViewSchema,
  example: { purpose: 'customer_close', language: 'sv' },
  description:
    'The template of a purpose and language: the stored one, or the built-in Swedish text (NOTIFICATIONS.TEMPLATE_NOT_FOUND for an English one not stored).',
});

export const putMessageTemplateV1 = defineRpc({
  subject: 'notifications.rpc.message-template-put.v1',
  request: MessageTemplateKeySchema.extend(MessageTemplateFieldsSchema.shape),
  response: MessageTemplateViewSchema,
  example: {
    purpose: 'customer_close',
    language: 'sv',
    subject: '{title}',
    body: 'Hej {customerName}!\n\nÄrende {caseNumber} är avslutat.\n\n{solution}\n\nHälsningar {handlerName}',
  },
  description:
    'Stores the template of a purpose and language (administrators); a placeholder the purpose does not know is 400 NOTIFICATIONS.PLACEHOLDER_UNKNOWN listing them.',
});

export const deleteMessageTemplateV1 = defineRpc({
  subject: 'notifications.rpc.message-template-delete.v1',
  request: MessageTemplateKeySchema,
  response: z.object({ deleted: z.boolean() }),
  example: { purpose: 'customer_close', language: 'sv' },
  description: 'Removes a stored template (administrators); the built-in text is used again.',
});

export const listSignaturesV1 = defineRpc({
  subject: 'notifications.rpc.signature-list.v1',
  request: z.object({}),
  response: z.object({ items: z.array(SignatureViewSchema) }),
  example: {},
  description: 'Every stored signature: global, per user, per service point and per user and service point (staff).',
});

export const getSignatureV1 = defineRpc({
  subject: 'notifications.rpc.signature-get.v1',
  request: SignatureScopeSchema,
  response: SignatureViewSchema,
  example: { userId: null, servicePointId: 'kundtjanst' },
  description: 'The signature stored for exactly that scope (NOTIFICATIONS.SIGNATURE_NOT_FOUND if none).',
});

export const putSignatureV1 = defineRpc({
  subject: 'notifications.rpc.signature-put.v1',
  request: SignatureScopeSchema.extend(SignatureFieldsSchema.shape),
  response: SignatureViewSchema,
  example: {
    userId: null,
    servicePointId: 'kundtjanst',
    text: 'Med vänliga hälsningar\nKundtjänst, Solna stad\n08-746 10 00',
  },
  description:
    'Stores the signature of a scope (administrators); a logo that is not a PNG, JPEG or SVG data URL of at most 200 kB is 400 NOTIFICATIONS.LOGO_INVALID.',
});

export const deleteSignatureV1 = defineRpc({
  subject: 'notifications.rpc.signature-delete.v1',
  request: SignatureScopeSchema,
  response: z.object({ deleted: z.boolean() }),
  example: { userId: 'anna.agent', servicePointId: null },
  description: 'Removes the signature of a scope (administrators); the next less specific one is used.',
});
