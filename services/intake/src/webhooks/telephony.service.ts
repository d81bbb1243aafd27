import { uuidv7 } from 'uuidv7';
import { type CallAnsweredRequest, callAnsweredV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import type { ChannelIntake, Recorded } from './channel-intake.js';

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
