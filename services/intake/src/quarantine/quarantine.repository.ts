import type { DataSource, EntityManager } from 'typeorm';
import type { IntakeChannel } from '@arende/contracts';
import { quoteIdent } from '@arende/persistence';

export interface NewQuarantinedMessage {
  id: string;
  channel: IntakeChannel;
  rawBlobKey: string;
  rawSize: number;
  reason: string;
  /** Where it came from: SMTP envelope, IMAP mailbox, or the webhook's request (never its credentials). */
  envelope: Record<string, unknown>;
  receivedAt: Date;
}

/** Longest reason kept; a parser's message can be long. */
export const QUARANTINE_REASON_MAX = 2000;

/** The quarantine table: what intake kept but could not turn into an event. */
export class QuarantineRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${quoteIdent(schema)}.quarantined_message`;
  }

  async add(message: NewQuarantinedMessage, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, channel, raw_blob_key, raw_size, reason, envelope, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        message.id,
        message.channel,
        message.rawBlobKey,
        message.rawSize,
        message.reason.slice(0, QUARANTINE_REASON_MAX),
        JSON.stringify(message.envelope),
        message.receivedAt,
      ],
    );
  }
}

/** The reason to keep for an error thrown by a parser or a schema. */
export function quarantineReason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, QUARANTINE_REASON_MAX) : 'unknown';
}
