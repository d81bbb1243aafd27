import type { EntityManager } from 'typeorm';
import type { EnvelopeOf } from '@arende/messaging';
import type { emailReceivedV1 } from '@arende/contracts';
import type { MessageRepository } from '../repositories/message.repository.js';
import type { SuppressionRepository } from '../repositories/suppression.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Learns from inbound mail whom not to write to: a bounce suppresses the recipients of the messages it names
 * (for good) and marks those messages failed; an automatic reply suppresses its sender for a while.
 */
export class SuppressionService {
  constructor(
    private readonly suppressions: SuppressionRepository,
    private readonly messages: MessageRepository,
    private readonly autoReplyDays: number,
  ) {}

  async emailReceived(envelope: EnvelopeOf<typeof emailReceivedV1>, manager: EntityManager): Promise<void> {
    const mail = envelope.data;
    const now = new Date();
    if (mail.bounce) {
      const bounced = await this.messages.findByMessageIds(manager, mail.bouncedMessageIds);
      for (const row of bounced) {
        await this.suppressions.upsert(manager, {
          address: row.recipient,
          reason: 'bounce',
          until: null,
          source: mail.messageId,
          created_at: now,
        });
        await this.messages.update(manager, row.id, {
          ...row,
          status: 'failed',
          reason: `BOUNCED: ${mail.subject}`.slice(0, 2000),
          next_attempt_at: null,
        });
      }
      return;
    }
    if (mail.autoReply) {
      for (const from of mail.from) {
        await this.suppressions.upsert(manager, {
          address: from.address,
          reason: 'auto_reply',
          until: new Date(now.getTime() + this.autoReplyDays * DAY_MS),
          source: mail.messageId,
          created_at: now,
        });
      }
    }
  }
}
