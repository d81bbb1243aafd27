import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaseEntity } from './case.entity.js';

/**
 * What threads an inbound message onto a case: the Message-IDs of its e-mails (both ways), the sender's number
 * for SMS, the sender or the post for social media. One key may name several cases (a number writes again later).
 */
@Entity({ name: 'case_thread_key' })
@Index('case_thread_key_case_idx', ['caseId'])
export class CaseThreadKeyEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'case_thread_key_pkey' })
  key: string;

  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'case_thread_key_pkey' })
  caseId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_thread_key_case_fkey' })
  case: Relation<CaseEntity>;
}
