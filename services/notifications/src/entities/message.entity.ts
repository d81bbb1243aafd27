import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Actor, DeliveryAttempt } from '@arende/contracts';
import type { MailAttachment } from '../mail/mail-sender.js';

/** One outbound message (e-mail or SMS) with its delivery state and log. */
@Entity({ name: 'message' })
@Index('message_due_idx', ['status', 'nextAttemptAt'])
@Index('message_case_idx', ['caseNumber', 'createdAt'])
@Index('message_message_id_idx', ['messageId'])
@Index('message_dedupe_key_key', ['dedupeKey'], { unique: true })
export class MessageEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'message_pkey' })
  id: string;

  @Column('text')
  channel: string;

  @Column('text')
  purpose: string;

  @Column('text', { name: 'case_number', nullable: true })
  caseNumber: string | null;

  @Column('text')
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text', { name: 'body_text' })
  bodyText: string;

  @Column('text', { name: 'body_html', nullable: true })
  bodyHtml: string | null;

  /** The e-mail's Message-ID header, chosen before the first attempt so every retry carries the same one. */
  @Column('text', { name: 'message_id', nullable: true })
  messageId: string | null;

  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey: string | null;

  @Column('text')
  status: string;

  @Column('integer')
  attempts: number;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb')
  log: DeliveryAttempt[];

  /** Files sent with the mail: the signature's logo inline, attachments of the case by their blob key. */
  @Column('jsonb', { default: () => "'[]'" })
  attachments: MailAttachment[];

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  /** The sent mail as an entry on the case: none (no case), pending, recorded, skipped (case closed or gone). */
  @Column('text', { name: 'case_entry' })
  caseEntry: string;

  /** Who asked for the message; the case entry is written in their name. */
  @Column('jsonb')
  actor: Actor;

  @Column('text', { name: 'correlation_id' })
  correlationId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
