import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The case's event log: every change as who / when / what, with values before and after. */
@Entity({ name: 'case_event' })
@Index('case_event_case_idx', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'case_event_pkey' })
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'actor_id' })
  actorId: string;

  @Column('text', { name: 'actor_name', nullable: true })
  actorName: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('jsonb', { nullable: true })
  changes: Record<string, { before: unknown; after: unknown }> | null;
}
