import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, Unique } from 'typeorm';
import type { EntryAttachment } from '@arende/contracts';
import { CaseEntity } from './case.entity.js';

/** A referral (remiss): the case sent to an outside party; `seq` numbers a case's referrals R1, R2, … */
@Entity({ name: 'referral' })
@Unique('referral_case_seq_key', ['caseId', 'seq'])
@Unique('referral_number_key', ['referralNumber'])
@Unique('referral_message_id_key', ['messageId'])
export class ReferralEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'referral_pkey' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('integer')
  seq: number;

  @Column('text', { name: 'referral_number' })
  referralNumber: string;

  @Column('text', { name: 'recipient_email' })
  recipientEmail: string;

  @Column('text', { name: 'recipient_name', nullable: true })
  recipientName: string | null;

  @Column('text')
  message: string;

  @Column('jsonb')
  attachments: EntryAttachment[];

  @Column('timestamptz', { name: 'reply_by' })
  replyBy: Date;

  /** The outbound mail's Message-ID: a reply naming it threads back here. */
  @Column('text', { name: 'message_id' })
  messageId: string;

  /** The referral entry on the timeline. */
  @Column('uuid', { name: 'entry_id' })
  entryId: string;

  @Column('timestamptz', { name: 'sent_at' })
  sentAt: Date;

  @Column('text', { name: 'sent_by_id' })
  sentById: string;

  @Column('text', { name: 'sent_by_name', nullable: true })
  sentByName: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'referral_case_fkey' })
  case: Relation<CaseEntity>;
}

/** An answer to a referral: its referral_answer entry. */
@Entity({ name: 'referral_answer' })
export class ReferralAnswerEntity {
  @PrimaryColumn('uuid', { name: 'referral_id', primaryKeyConstraintName: 'referral_answer_pkey' })
  referralId: string;

  @PrimaryColumn('uuid', { name: 'entry_id', primaryKeyConstraintName: 'referral_answer_pkey' })
  entryId: string;

  @Column('text')
  sender: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'referral_answer_referral_fkey' })
  referral: Relation<ReferralEntity>;
}
