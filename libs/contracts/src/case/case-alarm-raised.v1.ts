import { z } from 'zod';
import { defineEvent } from '../message.js';
import { CaseChannelSchema, CaseNumberSchema, RefIdSchema } from './case.schemas.js';

export const caseAlarmRaisedV1 = defineEvent({
  subject: 'case.evt.alarm-raised.v1',
  // For notifications, which alerts a supervisor by SMS or e-mail; the data names the case and why, not the message.
  data: z.object({
    caseId: z.uuid(),
    number: CaseNumberSchema,
    title: z.string(),
    channel: CaseChannelSchema,
    inboxId: RefIdSchema,
    servicePointId: RefIdSchema.nullable(),
    /** The template whose alarm fired. */
    templateId: RefIdSchema,
    /** The alarm words found in the subject or body; empty when every case of the template alarms. */
    keywords: z.array(z.string()),
  }),
  example: {
    caseId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    number: '2026-000123',
    title: 'Vattenläcka i källaren på Skolgatan 4',
    channel: 'email',
    inboxId: 'va-jour',
    servicePointId: 'kundtjanst',
    templateId: 'vattenlacka',
    keywords: ['vattenläcka'],
  },
  description:
    'An inbound message matched a template that raises an alarm (words such as "vattenläcka"); a supervisor is to be alerted.',
});
