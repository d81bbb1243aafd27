import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the SLA watcher knows of a case, from the case stream: enough to schedule and word its follow-ups. */
@Entity({ name: 'tracked_case' })
@Index('tracked_case_number_key', ['number'], { unique: true })
@Index('tracked_case_inbox_idx', ['inboxId'])
export class TrackedCaseEntity {
  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'tracked_case_pkey' })
  caseId: string;

  @Column('text')
  number: string;

  @Column('text')
  title: string;

  @Column('text')
  status: string;

  @Column('text')
  priority: string;

  @Column('integer')
  version: number;

  @Column('text', { name: 'inbox_id' })
  inboxId: string;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  /** Customer service for this case: the inbox that sent it on (or registered it). */
  @Column('text', { name: 'origin_inbox_id' })
  originInboxId: string;

  /** The template's SLA (`CaseSla`), null without one. */
  @Column('jsonb', { nullable: true })
  sla: Record<string, unknown> | null;

  @Column('boolean', { name: 'customer_wants_answer' })
  customerWantsAnswer: boolean;

  @Column('boolean', { name: 'customer_answered' })
  customerAnswered: boolean;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { name: 'parked_until', nullable: true })
  parkedUntil: Date | null;

  /** Since when the case waits for the customer (the SLA clock is paused); null otherwise. */
  @Column('timestamptz', { name: 'waiting_since', nullable: true })
  waitingSince: Date | null;

  /** Business minutes of SLA time used before the clock last started. */
  @Column('integer', { name: 'sla_used_minutes' })
  slaUsedMinutes: number;

  /** When the SLA clock last started running; null while paused. */
  @Column('timestamptz', { name: 'clock_started_at', nullable: true })
  clockStartedAt: Date | null;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column('timestamptz', { name: 'fed_back_at', nullable: true })
  fedBackAt: Date | null;

  @Column('timestamptz', { name: 'distributed_at', nullable: true })
  distributedAt: Date | null;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Column('timestamptz', { name: 'customer_contacted_at', nullable: true })
  customerContactedAt: Date | null;

  /** The deadlines still open (null when met or not set); the daily report shows the nearest. */
  @Column('timestamptz', { name: 'response_due_at', nullable: true })
  responseDueAt: Date | null;

  @Column('timestamptz', { name: 'feedback_due_at', nullable: true })
  feedbackDueAt: Date | null;

  @Column('timestamptz', { name: 'resolution_due_at', nullable: true })
  resolutionDueAt: Date | null;

  @Column('timestamptz', { name: 'acknowledge_due_at', nullable: true })
  acknowledgeDueAt: Date | null;

  @Column('timestamptz', { name: 'contact_due_at', nullable: true })
  contactDueAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
