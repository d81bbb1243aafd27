import type { DataSource, EntityManager } from 'typeorm';
import type { IntakeChannel, QuarantinedMessageView } from '@arende/contracts';

type QuarantineStatus = QuarantinedMessageView['status'];
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

/** A row as the repository reads it (`raw_size` is a bigint: sent as text). */
export interface QuarantinedRow {
  id: string;
  channel: IntakeChannel;
  status: QuarantineStatus;
  reason: string;
  received_at: Date;
  raw_blob_key: string;
  raw_size: string;
  envelope: Record<string, unknown>;
  reprocessed_at: Date | null;
  reprocessed_by: string | null;
  attempts: number;
}

export interface QuarantineFilter {
  status?: QuarantineStatus;
  channel?: IntakeChannel;
  /** Only rows after this one in the listing's (received_at, id) descending order: the cursor. */
  afterId?: string;
}

/** What one re-process attempt did to a row. */
export type QuarantineUpdate =
  { status: 'reprocessed'; at: Date; by: string } | { status: 'quarantined'; reason: string };

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

  /** Newest first, `limit` rows. */
  async list(filter: QuarantineFilter, limit: number): Promise<QuarantinedRow[]> {
    const params: unknown[] = [limit];
    const where = ['TRUE'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('status = ?', filter.status);
    if (filter.channel) add('channel = ?', filter.channel);
    if (filter.afterId) {
      add(`(received_at, id) < (SELECT received_at, id FROM ${this.table} WHERE id = ?)`, filter.afterId);
    }
    return await this.dataSource.query<QuarantinedRow[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE ${where.join(' AND ')}
       ORDER BY received_at DESC, id DESC LIMIT $1`,
      params,
    );
  }

  /** One row; with `lock`, locked for update in the manager's transaction until it ends. */
  async get(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<QuarantinedRow | null> {
    const rows = await manager.query<QuarantinedRow[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Records one re-process attempt; returns the row as it is now. */
  async recordAttempt(id: string, update: QuarantineUpdate, manager: EntityManager): Promise<QuarantinedRow> {
    const [rows] = await manager.query<[QuarantinedRow[], number]>(
      update.status === 'reprocessed'
        ? `UPDATE ${this.table} SET status = 'reprocessed', reprocessed_at = $2, reprocessed_by = $3,
             attempts = attempts + 1 WHERE id = $1 RETURNING ${COLUMNS}`
        : `UPDATE ${this.table} SET reason = $2, attempts = attempts + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
      update.status === 'reprocessed'
        ? [id, update.at, update.by]
        : [id, update.reason.slice(0, QUARANTINE_REASON_MAX)],
    );
    if (rows.length !== 1) throw new Error(`Quarantined message ${id} vanished during re-processing`);
    return rows[0];
  }
}

const COLUMNS = `id, channel, status, reason, received_at, raw_blob_key, raw_size::text AS raw_size, envelope,
  reprocessed_at, reprocessed_by, attempts`;

/** The reason to keep for an error thrown by a parser or a schema. */
export function quarantineReason(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, QUARANTINE_REASON_MAX) : 'unknown';
}
