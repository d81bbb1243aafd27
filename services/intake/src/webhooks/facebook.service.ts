import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { type SocialMessageReceivedV1Data, socialMessageReceivedV1 } from '@arende/contracts';
import { blobPrefix } from '../blob/blob-prefix.js';
import { quarantineReason } from '../quarantine/quarantine.repository.js';

import type { ChannelIntake } from './channel-intake.js';
import { type ChannelReprocessor, UnreadablePayload, providerTime } from './raw-payload.js';
import type { WebhookEnvelope } from './sms.service.js';

// The page webhook's shape, as far as intake reads it; everything else in it is ignored (and kept raw).
const Id = z.union([z.string(), z.number()]).transform(String);
const MessagingSchema = z.object({
  sender: z.object({ id: Id }),
  recipient: z.object({ id: Id }),
  timestamp: z.number().optional(),
  message: z
    .object({
      mid: z.string().min(1),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      attachments: z
        .array(z.object({ type: z.string().optional(), payload: z.object({ url: z.string().optional() }).nullish() }))
        .optional(),
    })
    .optional(),
});
const ChangeSchema = z.object({
  field: z.string(),
  value: z.record(z.string(), z.unknown()).optional(),
});
const CommentValueSchema = z.object({
  item: z.literal('comment'),
  verb: z.literal('add'),
  comment_id: z.string().min(1),
  post_id: z.string().min(1),
  parent_id: z.string().optional(),
  message: z.string().optional(),
  from: z.object({ id: Id, name: z.string().optional() }),
  created_time: z.union([z.number(), z.string()]).optional(),
  photo: z.string().optional(),
});
const PageWebhookSchema = z.object({
  object: z.literal('page'),
  entry: z.array(
    z.object({
      id: Id,
      time: z.number().optional(),
      messaging: z.array(z.unknown()).optional(),
      changes: z.array(z.unknown()).optional(),
    }),
  ),
});

type SocialItem = Omit<SocialMessageReceivedV1Data, 'intakeId' | 'receivedAt'>;

export interface FacebookIntakeOptions {
  /** The city's page; comments it writes itself are not citizens' messages. */
  pageId: string | null;
}

/** What one webhook delivery (one or more items) came to. */
export interface FacebookOutcome {
  accepted: number;
  duplicates: number;
  skipped: number;
  /** Set when the payload, or an item in it, could not be read; the payload is then quarantined. */
  quarantineReason: string | null;
}

/**
 * Facebook page webhook: private messages and comments on the page's posts, each one
 * `intake.evt.social-message-received.v1`, deduplicated by message id or comment id.
 */
export class FacebookIntakeService {
  constructor(
    private readonly channel: ChannelIntake,
    private readonly options: FacebookIntakeOptions,
  ) {}

  /** A signed delivery: what cannot be read is quarantined, and the caller still answers 200. */
  async receive(raw: Buffer, envelope: WebhookEnvelope): Promise<FacebookOutcome> {
    const receivedAt = new Date();
    const deliveryId = uuidv7();
    const rawBlobKey = `${blobPrefix(receivedAt, deliveryId)}/raw.json`;
    await this.channel.blobs.put(rawBlobKey, raw, 'application/json');
    const outcome = await this.process(raw, rawBlobKey, receivedAt);
    if (outcome.quarantineReason !== null) {
      await this.channel.quarantineMessage({
        id: deliveryId,
        channel: 'facebook',
        rawBlobKey,
        rawSize: raw.length,
        reason: outcome.quarantineReason,
        envelope: { ...envelope },
        receivedAt,
      });
    }
    return outcome;
  }

  /** Runs a quarantined delivery again: items already taken are duplicates; writes no quarantine row. */
  readonly reprocess: ChannelReprocessor = async (raw, _envelope, origin) => {
    const receivedAt = origin?.receivedAt ?? new Date();
    let rawBlobKey = origin?.rawBlobKey;
    if (rawBlobKey === undefined) {
      rawBlobKey = `${blobPrefix(receivedAt, uuidv7())}/raw.json`;
      await this.channel.blobs.put(rawBlobKey, raw, 'application/json');
    }
    const outcome = await this.process(raw, rawBlobKey, receivedAt);
    if (outcome.quarantineReason !== null) return { kind: 'quarantined', reason: outcome.quarantineReason };
    return outcome.accepted > 0 ? { kind: 'accepted' } : { kind: 'duplicate' };
  };

  private async process(raw: Buffer, rawBlobKey: string, receivedAt: Date): Promise<FacebookOutcome> {
    const outcome: FacebookOutcome = { accepted: 0, duplicates: 0, skipped: 0, quarantineReason: null };
    const problems: string[] = [];
    let items: (SocialItem | null)[];
    try {
      items = this.itemsOf(raw, receivedAt, problems);
    } catch (error) {
      return { ...outcome, quarantineReason: quarantineReason(error) };
    }
    for (const item of items) {
      if (item === null) {
        outcome.skipped += 1;
        continue;
      }
      const intakeId = uuidv7();
      try {
        const recorded = await this.channel.record(
          {
            intakeId,
            channel: 'facebook',
            messageId: `facebook:${item.platformMessageId}`,
            rawBlobKey,
            from: item.senderId,
            to: [item.pageId],
            receivedAt,
          },
          socialMessageReceivedV1,
          { ...item, intakeId, receivedAt: receivedAt.toISOString() },
        );
        if (recorded.inserted) outcome.accepted += 1;
        else outcome.duplicates += 1;
      } catch (error) {
        if (!(error instanceof z.ZodError)) throw error;
        problems.push(`${item.platformMessageId}: ${quarantineReason(error)}`);
      }
    }
    if (problems.length > 0) outcome.quarantineReason = problems.join('; ');
    return outcome;
  }

  /** Every messaging and change item of the payload; `null` for one that is deliberately skipped. */
  private itemsOf(raw: Buffer, receivedAt: Date, problems: string[]): (SocialItem | null)[] {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      throw new UnreadablePayload(`Body is not JSON: ${(error as Error).message}`);
    }
    const payload = PageWebhookSchema.parse(json);
    const items: (SocialItem | null)[] = [];
    for (const entry of payload.entry) {
      for (const [index, messaging] of (entry.messaging ?? []).entries()) {
        const parsed = MessagingSchema.safeParse(messaging);
        if (parsed.success) items.push(this.privateMessage(parsed.data, receivedAt));
        else problems.push(`entry ${entry.id} messaging ${index}: ${quarantineReason(parsed.error)}`);
      }
      for (const [index, change] of (entry.changes ?? []).entries()) {
        const parsed = ChangeSchema.safeParse(change);
        if (!parsed.success) {
          problems.push(`entry ${entry.id} change ${index}: ${quarantineReason(parsed.error)}`);
          continue;
        }
        const value = parsed.data.value ?? {};
        // Only new comments are citizens' messages: edits, removals, reactions and the page's posts are not.
        if (parsed.data.field !== 'feed' || value.item !== 'comment' || value.verb !== 'add') {
          items.push(null);
          continue;
        }
        const comment = CommentValueSchema.safeParse(value);
        if (comment.success) items.push(this.comment(entry.id, comment.data, receivedAt));
        else problems.push(`entry ${entry.id} change ${index}: ${quarantineReason(comment.error)}`);
      }
    }
    return items;
  }

  private privateMessage(messaging: z.infer<typeof MessagingSchema>, receivedAt: Date): SocialItem | null {
    const message = messaging.message;
    // Deliveries, reads and postbacks carry no message; echoes are the page's own replies.
    if (message === undefined || message.is_echo === true) return null;
    return {
      platform: 'facebook',
      kind: 'private_message',
      pageId: messaging.recipient.id,
      senderId: messaging.sender.id,
      senderName: null,
      platformMessageId: message.mid,
      postId: null,
      parentId: null,
      text: message.text ?? '',
      attachmentUrls: (message.attachments ?? []).flatMap((a) => (a.payload?.url ? [a.payload.url] : [])),
      sentAt: providerTime(messaging.timestamp, receivedAt),
    };
  }

  private comment(pageId: string, value: z.infer<typeof CommentValueSchema>, receivedAt: Date): SocialItem | null {
    if (value.from.id === pageId || value.from.id === this.options.pageId) return null;
    return {
      platform: 'facebook',
      kind: 'comment',
      pageId,
      senderId: value.from.id,
      senderName: value.from.name ?? null,
      platformMessageId: value.comment_id,
      postId: value.post_id,
      // A comment on the post itself names the post as its parent; only a reply to a comment has one.
      parentId: value.parent_id && value.parent_id !== value.post_id ? value.parent_id : null,
      text: value.message ?? '',
      attachmentUrls: value.photo ? [value.photo] : [],
      sentAt: providerTime(value.created_time, receivedAt),
    };
  }
}
