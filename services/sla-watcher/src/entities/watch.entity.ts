import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A watch (bevakning) a staff member set on a case. */
@Entity({ name: 'watch' })
@Index('watch_case_idx', ['caseId', 'userId'])
export class WatchEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'watch_pkey' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('text')
  comment: string;

  @Column('timestamptz', { name: 'start_at', nullable: true })
  startAt: Date | null;

  @Column('timestamptz', { name: 'end_at' })
  endAt: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt: Date | null;

  @Column('text', { nullable: true })
  outcome: string | null;
}
