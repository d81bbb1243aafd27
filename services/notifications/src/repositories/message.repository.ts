import type { EntityManager } from 'typeorm';
import type { Actor, DeliveryAttempt, MessageView } from '@arende/contracts';
import type { MailAttachment } from '../mail/mail-sender.js';

export interface MessageRow {
  id: string;
  channel: string;
  purpose: string;
  case_number: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string | null;
  dedupe_key: string | null;
  status: string;
  attempts: number;
  reason: string | null;
  log: DeliveryAttempt[];
  attachments: MailAttachment[];
  next_attempt_at: Date | null;
  case_entry: string;
  actor: Actor;
  correlation_id: string;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = [
  'id',
  'channel',
  'purpose',
  'case_number',
  'recipient',
  'subject',
  'body_text',
  'body_html',
  'message_id',
  'dedupe_key',
  'status',
  'attempts',
  'reason',
  'log',
  'attachments',
  'next_attempt_at',
  'case_entry',
  'actor',
  'correlation_id',
  'created_at',
  'sent_at',
] as const;

export function toView(row: MessageRow): MessageView {
  return {
    id: row.id,
    channel: row.channel as MessageView['channel'],
    purpose: row.purpose as MessageView['purpose'],
    caseNumber: row.case_number,
    recipient: row.recipient,
    subject: row.subject,
    text: row.body_text,
    status: row.status as MessageView['status'],
    attempts: row.attempts,
    reason: row.reason,
    messageId: row.message_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    log: row.log,
  };
}

/** Queries on `message`; nothing else. */
export class MessageRepository {
  private readonly table: string;

  constructor(readonly schema: string) {
    this.table = `"${schema}"."message"`;
  }

  /** Inserts unless a message with the same dedupe key exists; returns the stored row either way. */
  async insert(manager: EntityManager, row: MessageRow): Promise<{ row: MessageRow; created: boolean }> {
    const values = COLUMNS.map((column) => {
      const value = row[column];
      return column === 'log' || column === 'actor' || column === 'attachments' ? JSON.stringify(value) : value;
    });
    const inserted = await manager.query<MessageRow[]>(
      `INSERT INTO ${this.table} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING *`,
      values,
    );
    if (inserted.length > 0) return { row: inserted[0], created: true };
    const existing = await manager.query<MessageRow[]>(`SELECT * FROM ${this.table} WHERE dedupe_key = $1`, [
      row.dedupe_key,
    ]);
    return { row: existing[0], created: false };
  }

  /** Due queued messages, locked for this transaction; other replicas skip them. */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<MessageRow[]> {
    return await manager.query<MessageRow[]>(
      `SELECT * FROM ${this.table} WHERE status = 'queued' AND next_attempt_at <= $1
       ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    fields: Pick<MessageRow, 'status' | 'attempts' | 'reason' | 'log' | 'next_attempt_at' | 'sent_at' | 'case_entry'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET status = $2, attempts = $3, reason = $4, log = $5, next_attempt_at = $6,
       sent_at = $7, case_entry = $8 WHERE id = $1`,
      [
        id,
        fields.status,
        fields.attempts,
        fields.reason,
        JSON.stringify(fields.log),
        fields.next_attempt_at,
        fields.sent_at,
        fields.case_entry,
      ],
    );
  }

  /** Sent mail whose case entry is still to be written, locked for this transaction. */
  async claimPendingEntries(manager: EntityManager, limit: number): Promise<MessageRow[]> {
    return await manager.query<MessageRow[]>(
      `SELECT * FROM ${this.table} WHERE status = 'sent' AND case_entry = 'pending'
       ORDER BY sent_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async setCaseEntry(manager: EntityManager, id: string, state: 'recorded' | 'skipped'): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET case_entry = $2 WHERE id = $1`, [id, state]);
  }

  async listByCase(manager: EntityManager, caseNumber: string): Promise<MessageRow[]> {
    return await manager.query<MessageRow[]>(
      `SELECT * FROM ${this.table} WHERE case_number = $1 ORDER BY created_at, id LIMIT 1000`,
      [caseNumber],
    );
  }

  async findByMessageIds(manager: EntityManager, messageIds: string[]): Promise<MessageRow[]> {
    if (messageIds.length === 0) return [];
    return await manager.query<MessageRow[]>(`SELECT * FROM ${this.table} WHERE message_id = ANY($1::text[])`, [
      messageIds,
    ]);
  }
}
