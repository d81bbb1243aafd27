import { z } from 'zod';
import { defineEvent } from '../message.js';
import { IntakeTimestampSchema } from './intake.schemas.js';

export const callAnsweredV1 = defineEvent({
  subject: 'intake.evt.call-answered.v1',
  data: z.object({
    intakeId: z.uuid(),
    /** The telephony platform's id of the call. */
    callId: z.string().min(1).max(200),
    /** The caller's number (A-number), null when withheld. */
    aNumber: z.string().max(50).nullable(),
    /** The number called (B-number). */
    bNumber: z.string().max(50).nullable(),
    /** The answer group (svarsgrupp) the caller chose. */
    answerGroup: z.string().max(200).nullable(),
    queue: z.object({
      name: z.string().max(200).nullable(),
      waitedSeconds: z.number().int().nonnegative().nullable(),
      position: z.number().int().nonnegative().nullable(),
    }),
    /** The agent who answered: the user name they log in with (the token's preferred_username). */
    agentUsername: z.string().min(1).max(200),
    answeredAt: IntakeTimestampSchema,
  }),
  example: {
    intakeId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e73',
    callId: 'c-2026-11-23-000481',
    aNumber: '+46701234567',
    bNumber: '+4687342000',
    answerGroup: 'Bygglov',
    queue: { name: 'kundtjanst', waitedSeconds: 42, position: 3 },
    agentUsername: 'anna',
    answeredAt: '2026-11-23T09:15:00.000Z',
  },
  description:
    "An agent answered a call. The gateway hands it live to that agent's client, which opens quick registration pre-filled.",
});

export type CallAnsweredV1Data = z.output<typeof callAnsweredV1.data>;
