import type { DataSource } from 'typeorm';
import type { EventContract, IntakeChannel } from '@arende/contracts';
import { SYSTEM_ACTOR } from '@arende/contracts';
import { createEnvelope, outboxRowParams } from '@arende/messaging';
import type { Metrics } from '@arende/observability';
import { quoteIdent, type StructuredLogger } from '@arende/persistence';
import type { z } from 'zod';
import type { BlobStore } from '@arende/blobs';
import { QuarantineRepository, type NewQuarantinedMessage } from '../quarantine/quarantine.repository.js';
import type { Nudger } from '../services/intake.service.js';

/** One inbound message of a webhook or form channel, as it goes into `inbound_message`. */
export interface InboundRow {
  intakeId: string;
  channel: IntakeChannel;
  /** `<channel>:<provider id>`, unique: a second delivery with the same id is applied once. */
  messageId: string;
  rawBlobKey: string;
  from: string | null;
  to: string[];
  receivedAt: Date;
}

/** The first delivery's intake id and time, for a repeated one. */
export interface Recorded {
  inserted: boolean;
  intakeId: string;
  receivedAt: Date;
}

/**
 * What every non-mail channel shares: the blob store, one statement writing the `inbound_message` row and its
 * outbox event together, and the quarantine.
 */
export class ChannelIntake {
  private readonly recordSql: string;
  private readonly existingSql: string;
  readonly quarantine: QuarantineRepository;

  constructor(
    private readonly dataSource: DataSource,
    readonly blobs: BlobStore,
    private readonly relay: Nudger,
    readonly logger: StructuredLogger,
    schema: string,
    private readonly metrics?: Pick<Metrics, 'inboundMessages'>,
  ) {
    const s = quoteIdent(schema);
    // One statement instead of BEGIN/INSERT/INSERT/COMMIT: the outbox row exists exactly when the message row
    // was new, atomically, in a quarter of the round trips.
    this.recordSql = `WITH inserted AS (
        INSERT INTO ${s}.inbound_message
          (id, channel, message_id, raw_blob_key, from_address, rcpt_to, auto_reply, bounce, received_at)
        VALUES ($1, $2, $3, $4, $5, $6, false, false, $7)
        ON CONFLICT (message_id) DO NOTHING RETURNING id)
      INSERT INTO ${s}.outbox (id, subject, payload) SELECT $8, $9, $10 FROM inserted RETURNING id`;
    this.existingSql = `SELECT id, received_at FROM ${s}.inbound_message WHERE message_id = $1`;
    this.quarantine = new QuarantineRepository(dataSource, schema);
  }

  /**
   * Writes the row and, only when it is new, the event (validated against its contract; throws a ZodError
   * when it does not fit). Nudges the relay after a new one.
   */
  async record<T extends z.ZodType>(row: InboundRow, contract: EventContract<T>, data: z.input<T>): Promise<Recorded> {
    const envelope = createEnvelope(contract, data, { actor: SYSTEM_ACTOR, correlationId: row.intakeId });
    const rows = await this.dataSource.query<{ id: string }[]>(this.recordSql, [
      row.intakeId,
      row.channel,
      row.messageId,
      row.rawBlobKey,
      row.from,
      row.to,
      row.receivedAt,
      ...outboxRowParams(envelope),
    ]);
    this.metrics?.inboundMessages.labels(row.channel, rows.length > 0 ? 'accepted' : 'duplicate').inc();
    if (rows.length > 0) {
      this.relay.nudge();
      return { inserted: true, intakeId: row.intakeId, receivedAt: row.receivedAt };
    }
    const existing = await this.dataSource.query<{ id: string; received_at: Date }[]>(this.existingSql, [
      row.messageId,
    ]);
    const first = existing[0];
    return first
      ? { inserted: false, intakeId: first.id, receivedAt: new Date(first.received_at) }
      : { inserted: false, intakeId: row.intakeId, receivedAt: row.receivedAt };
  }

  async quarantineMessage(message: NewQuarantinedMessage): Promise<void> {
    await this.quarantine.add(message);
    this.metrics?.inboundMessages.labels(message.channel, 'quarantined').inc();
    this.logger.warn(
      { intakeId: message.id, channel: message.channel, rawBlobKey: message.rawBlobKey },
      'Message quarantined',
    );
  }
}
