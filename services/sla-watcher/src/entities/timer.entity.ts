import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A durable timer: one follow-up of one case (or the morning report) due at `due_at`. Fired once: the firing
 * transaction claims it `FOR UPDATE SKIP LOCKED`, sets `fired_at` and writes the event to the outbox.
 */
@Entity({ name: 'timer' })
// Declared here so TypeORM keeps them; created by the migration (partial: only timers still pending).
@Index('timer_due_idx', { synchronize: false })
@Index('timer_pending_key', { synchronize: false })
@Index('timer_pending_case_idx', { synchronize: false })
@Index('timer_key_idx', ['key', 'deadlineAt'])
export class TimerEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'timer_pkey' })
  id: string;

  /** What the timer is for (`acknowledgement:<case>`, `watch:<id>` …): one pending timer per key. */
  @Column('text')
  key: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column('text')
  kind: string;

  @Column('text')
  stage: string;

  @Column('integer')
  round: number;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  /** The deadline the timer is about (an escalation fires after it). */
  @Column('timestamptz', { name: 'deadline_at' })
  deadlineAt: Date;

  /** Kind-specific facts (the watch id, the reopen reason …). */
  @Column('jsonb')
  data: Record<string, unknown>;

  /** Attempts that failed and were put off (reopening through case-core, say). */
  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'fired_at', nullable: true })
  firedAt: Date | null;

  /** `sent`, or why nothing was sent (`met`, `skipped` …). */
  @Column('text', { nullable: true })
  outcome: string | null;
}
