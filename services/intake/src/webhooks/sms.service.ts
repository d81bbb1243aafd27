import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { SMS_TEXT_MAX, smsReceivedV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import { quarantineReason } from '../quarantine/quarantine.repository.js';
import type { ReprocessOutcome } from '../quarantine/reprocessor.js';
import type { ChannelIntake } from './channel-intake.js';
import { type ChannelReprocessor, UnreadablePayload, providerTime, readFields } from './raw-payload.js';

export const SMS_PROVIDER = '46elks';

/**
 * 46elks' inbound SMS/MMS webhook fields. `image` (MMS) is a URL on 46elks' servers that needs the account's
 * API credentials to fetch; the SMS contract carries stored files only, so it is not fetched: the raw payload
 * (kept in the blob store) still holds it.
 */
const ElksInboundSchema = z.object({
  id: z.string().min(1).max(200),
  from: z.string().min(1).max(50),
  to: z.string().min(1).max(50),
  message: z.string().max(SMS_TEXT_MAX).default(''),
  created: z.string().max(100).optional(),
  direction: z.string().max(50).optional(),
  image: z.string().max(4000).optional(),
});

/** What the HTTP edge knows about a request, kept with a quarantined payload (never its credentials). */
export interface WebhookEnvelope {
  contentType: string;
  remoteAddress: string;
}

export type SmsOutcome = ReprocessOutcome | { kind: 'ignored'; reason: string };

/** 46elks inbound SMS: raw payload to the blob store, then `inbound_message` + `intake.evt.sms-received.v1`. */
export class SmsIntakeService {
  constructor(private readonly channel: ChannelIntake) {}

  /** A webhook delivery: what cannot be read is quarantined (the caller still answers 200). */
  async receive(raw: Buffer, envelope: WebhookEnvelope): Promise<SmsOutcome> {
    const receivedAt = new Date();
    const intakeId = uuidv7();
    const rawBlobKey = await this.storeRaw(raw, envelope, intakeId, receivedAt);
    try {
      return await this.process(raw, envelope, { intakeId, receivedAt, rawBlobKey });
    } catch (error) {
      if (!(error instanceof UnreadablePayload) && !(error instanceof z.ZodError)) throw error;
      const reason = quarantineReason(error);
      await this.channel.quarantineMessage({
        id: intakeId,
        channel: 'sms',
        rawBlobKey,
        rawSize: raw.length,
        reason,
        envelope: { ...envelope, provider: SMS_PROVIDER },
        receivedAt,
      });
      return { kind: 'quarantined', reason };
    }
  }

  /** Runs a quarantined payload again; writes no quarantine row (the caller updates the existing one). */
  readonly reprocess: ChannelReprocessor = async (raw, envelope, origin) => {
    const receivedAt = origin?.receivedAt ?? new Date();
    const intakeId = origin?.id ?? uuidv7();
    const webhookEnvelope: WebhookEnvelope = {
      contentType: typeof envelope.contentType === 'string' ? envelope.contentType : 'application/json',
      remoteAddress: typeof envelope.remoteAddress === 'string' ? envelope.remoteAddress : '',
    };
    try {
      const rawBlobKey = origin?.rawBlobKey ?? (await this.storeRaw(raw, webhookEnvelope, intakeId, receivedAt));
      const outcome = await this.process(raw, webhookEnvelope, { intakeId, receivedAt, rawBlobKey });
      return outcome.kind === 'ignored' ? { kind: 'quarantined', reason: outcome.reason } : outcome;
    } catch (error) {
      if (!(error instanceof UnreadablePayload) && !(error instanceof z.ZodError)) throw error;
      return { kind: 'quarantined', reason: quarantineReason(error) };
    }
  };

  private async storeRaw(raw: Buffer, envelope: WebhookEnvelope, intakeId: string, at: Date): Promise<string> {
    const json = envelope.contentType.toLowerCase().includes('json');
    const key = `${blobPrefix(at, intakeId)}/raw.${json ? 'json' : 'txt'}`;
    await this.channel.blobs.put(key, raw, envelope.contentType);
    return key;
  }

  private async process(
    raw: Buffer,
    envelope: WebhookEnvelope,
    ctx: { intakeId: string; receivedAt: Date; rawBlobKey: string },
  ): Promise<SmsOutcome> {
    const payload = ElksInboundSchema.parse(readFields(raw, envelope.contentType));
    // Delivery reports and outgoing copies are not messages from a citizen.
    if (payload.direction !== undefined && payload.direction !== 'incoming') {
      this.channel.logger.warn({ direction: payload.direction }, 'SMS webhook call ignored: not an incoming message');
      return { kind: 'ignored', reason: `direction ${payload.direction}` };
    }
    const recorded = await this.channel.record(
      {
        intakeId: ctx.intakeId,
        channel: 'sms',
        messageId: `sms:${SMS_PROVIDER}:${payload.id}`,
        rawBlobKey: ctx.rawBlobKey,
        from: payload.from,
        to: [payload.to],
        receivedAt: ctx.receivedAt,
      },
      smsReceivedV1,
      {
        intakeId: ctx.intakeId,
        provider: SMS_PROVIDER,
        providerMessageId: payload.id,
        from: payload.from,
        to: payload.to,
        text: payload.message,
        attachments: [],
        sentAt: providerTime(payload.created, ctx.receivedAt),
        receivedAt: ctx.receivedAt.toISOString(),
      },
    );
    return recorded.inserted ? { kind: 'accepted' } : { kind: 'duplicate' };
  }
}
