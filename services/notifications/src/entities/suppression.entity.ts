import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address the platform does not write to: it bounced (for good) or answered automatically (until a time). */
@Entity({ name: 'suppression' })
export class SuppressionEntity {
  /** Lower case. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'suppression_pkey' })
  address: string;

  @Column('text')
  reason: string;

  /** Null: for good. */
  @Column('timestamptz', { nullable: true })
  until: Date | null;

  /** What taught us: the inbound message's Message-ID. */
  @Column('text')
  source: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
