import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EntryAttachment } from '@arende/contracts';

/** An entry (handling) on a case's timeline: a message in or out, a note, a referral, a system event. */
@Entity({ name: 'entry' })
@Index('entry_case_timeline_idx', ['caseId', 'createdAt', 'id'])
export class EntryEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'entry_pkey' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  kind: string;

  @Column('text')
  visibility: string;

  /** Null for entries from outside (the customer's e-mail); then `sender` says who. */
  @Column('text', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('text', { name: 'author_name', nullable: true })
  authorName: string | null;

  @Column('text', { nullable: true })
  sender: string | null;

  @Column('text')
  text: string;

  /** Sanitised before it is stored. */
  @Column('text', { nullable: true })
  html: string | null;

  @Column('jsonb')
  attachments: EntryAttachment[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
