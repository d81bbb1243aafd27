import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { callAnsweredV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import type { ChannelIntake, Recorded } from './channel-intake.js';

/** Spellings of a withheld A-number. */
const WITHHELD = new Set(['', 'anonymous', 'unknown', 'private', 'withheld', 'restricted']);

const count = z.number().int().nonnegative().nullable().default(null);

/** The hand-over the telephony platform posts when an agent answers (documented in the README). */
export const CallAnsweredRequestSchema = z.object({
  callId: z.string().min(1).max(200),
  aNumber: z
    .string()
    .max(50)
    .nullable()
    .default(null)
    .transform((value) => (value === null || WITHHELD.has(value.trim().toLowerCase()) ? null : value.trim())),
  bNumber: z.string().max(50).nullable().default(null),
  answerGroup: z.string().max(200).nullable().default(null),
  queue: z
    .object({ name: z.string().max(200).nullable().default(null), waitedSeconds: count, position: count })
    .default({ name: null, waitedSeconds: null, position: null }),
  /** The agent's user name (what they log in with). */
  agent: z.string().min(1).max(200),
  answeredAt: z.iso.datetime({ offset: true }).optional(),
});
export type CallAnsweredRequest = z.output<typeof CallAnsweredRequestSchema>;

/** A call hand-over: `inbound_message` + `intake.evt.call-answered.v1`, once per call id. */
export class TelephonyIntakeService {
  constructor(private readonly channel: ChannelIntake) {}

  async receive(call: CallAnsweredRequest, raw: Buffer): Promise<Recorded> {
    const receivedAt = new Date();
    const intakeId = uuidv7();
    const rawBlobKey = `${blobPrefix(receivedAt, intakeId)}/call.json`;
    await this.channel.blobs.put(rawBlobKey, raw, 'application/json');
    return this.channel.record(
      {
        intakeId,
        channel: 'telephony',
        messageId: `telephony:${call.callId}`,
        rawBlobKey,
        from: call.aNumber,
        to: call.bNumber === null ? [] : [call.bNumber],
        receivedAt,
      },
      callAnsweredV1,
      {
        intakeId,
        callId: call.callId,
        aNumber: call.aNumber,
        bNumber: call.bNumber,
        answerGroup: call.answerGroup,
        queue: call.queue,
        agentUsername: call.agent,
        answeredAt: call.answeredAt ? new Date(call.answeredAt).toISOString() : receivedAt.toISOString(),
      },
    );
  }
}
