import type { DataSource, EntityManager } from 'typeorm';
import type { EntryAttachment } from '@arende/contracts';

/** A row of the referral table with its case's number and its answers, as `query()` returns it. */
export interface ReferralRow {
  id: string;
  case_id: string;
  case_number: string;
  seq: number;
  referral_number: string;
  recipient_email: string;
  recipient_name: string | null;
  message: string;
  attachments: EntryAttachment[];
  reply_by: Date;
  message_id: string;
  entry_id: string;
  sent_at: Date;
  sent_by_id: string;
  sent_by_name: string | null;
  answered_at: Date | null;
  /** jsonb_agg of the answers, oldest first; timestamps as ISO text. */
  answers: Array<{ entryId: string; from: string; receivedAt: string }>;
}

/** What recording an answer needs of its referral. */
export type AnsweredReferral = Pick<ReferralRow, 'id' | 'case_id' | 'referral_number' | 'answered_at'>;

export type NewReferralRow = Omit<ReferralRow, 'case_number' | 'answered_at' | 'answers'>;

/** Queries of the referral and referral_answer tables; no rules here. */
export class ReferralRepository {
  private readonly select: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    const s = `"${schema}"`;
    this.select = `SELECT r.*, c.number AS case_number,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('entryId', a.entry_id, 'from', a.sender,
            'receivedAt', to_char(a.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          ORDER BY a.received_at, a.entry_id)
          FROM ${s}.referral_answer a WHERE a.referral_id = r.id), '[]'::jsonb) AS answers
      FROM ${s}.referral r JOIN ${s}."case" c ON c.id = r.case_id`;
  }

  /** The next referral of a case is R(n+1); the caller holds the case row, so two senders cannot take the same n. */
  async nextSeq(manager: EntityManager, caseId: string): Promise<number> {
    const rows = await manager.query<Array<{ next: number }>>(
      `SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM "${this.schema}".referral WHERE case_id = $1`,
      [caseId],
    );
    return rows[0].next;
  }

  /** The attachments with these ids on any entry of the case (each once). */
  async attachmentsOnCase(manager: EntityManager, caseId: string, ids: readonly string[]): Promise<EntryAttachment[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<Array<{ attachment: EntryAttachment }>>(
      `SELECT DISTINCT ON (a->>'id') a AS attachment
       FROM "${this.schema}".entry e, jsonb_array_elements(e.attachments) a
       WHERE e.case_id = $1 AND a->>'id' = ANY($2::text[])`,
      [caseId, ids],
    );
    return rows.map((r) => r.attachment);
  }

  async insert(manager: EntityManager, row: NewReferralRow): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".referral (id, case_id, seq, referral_number, recipient_email, recipient_name, message,
         attachments, reply_by, message_id, entry_id, sent_at, sent_by_id, sent_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        row.id,
        row.case_id,
        row.seq,
        row.referral_number,
        row.recipient_email,
        row.recipient_name,
        row.message,
        JSON.stringify(row.attachments),
        row.reply_by,
        row.message_id,
        row.entry_id,
        row.sent_at,
        row.sent_by_id,
        row.sent_by_name,
      ],
    );
  }

  async findById(manager: EntityManager, id: string): Promise<ReferralRow | null> {
    const rows = await manager.query<ReferralRow[]>(`${this.select} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listByCase(caseId: string): Promise<ReferralRow[]> {
    return await this.dataSource.query<ReferralRow[]>(`${this.select} WHERE r.case_id = $1 ORDER BY r.seq`, [caseId]);
  }

  /**
   * The referral an inbound mail answers: one whose outbound Message-ID it names (In-Reply-To, References),
   * else one whose number is in its subject; the latest sent first. Held until the transaction ends.
   */
  async findAnswered(
    manager: EntityManager,
    messageIds: readonly string[],
    referralNumbers: readonly string[],
  ): Promise<AnsweredReferral | null> {
    if (messageIds.length === 0 && referralNumbers.length === 0) return null;
    const rows = await manager.query<AnsweredReferral[]>(
      `SELECT id, case_id, referral_number, answered_at FROM "${this.schema}".referral
       WHERE lower(message_id) = ANY($1::text[]) OR referral_number = ANY($2::text[])
       ORDER BY (lower(message_id) = ANY($1::text[])) DESC, sent_at DESC LIMIT 1 FOR UPDATE`,
      [messageIds, referralNumbers],
    );
    return rows[0] ?? null;
  }

  /** Records an answer; the referral counts as answered from its first. */
  async insertAnswer(
    manager: EntityManager,
    referralId: string,
    entryId: string,
    sender: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `WITH a AS (
         INSERT INTO "${this.schema}".referral_answer (referral_id, entry_id, sender, received_at) VALUES ($1, $2, $3, $4))
       UPDATE "${this.schema}".referral SET answered_at = COALESCE(answered_at, $4) WHERE id = $1`,
      [referralId, entryId, sender, at],
    );
  }
}
