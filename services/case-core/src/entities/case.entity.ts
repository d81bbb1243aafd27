import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { CaseLocation, CaseSla } from '@arende/contracts';

@Entity({ name: 'case' })
@Unique('case_number_key', ['number'])
@Index('case_inbox_order_idx', ['inboxId', 'priorityRank', 'registeredAt', 'id'])
@Index('case_parent_idx', ['parentCaseId'])
@Index('case_assignee_idx', ['assigneeId'])
@Index('case_external_organisation_idx', ['externalOrganisationId'])
@Index('case_inbox_registered_idx', ['inboxId', 'registeredAt', 'id'])
@Index('case_inbox_updated_idx', ['inboxId', 'updatedAt', 'id'])
// Declared here so TypeORM keeps them; created by the inbox-sorts migration (in a collation, on expressions, with included columns).
@Index('case_inbox_number_idx', { synchronize: false })
@Index('case_inbox_status_order_idx', { synchronize: false })
@Index('case_inbox_assignee_order_idx', { synchronize: false })
@Index('case_inbox_counts_idx', { synchronize: false })
export class CaseEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'case_pkey' })
  id: string;

  @Column('text')
  number: string;

  @Column('integer')
  version: number;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  status: string;

  @Column('timestamptz', { name: 'parked_until', nullable: true })
  parkedUntil: Date | null;

  @Column('text')
  priority: string;

  /** 0 urgent, 1 prioritised, 2 normal: the inbox sorts on it. */
  @Column('smallint', { name: 'priority_rank' })
  priorityRank: number;

  @Column('text')
  channel: string;

  @Column('text', { name: 'case_type_id', nullable: true })
  caseTypeId: string | null;

  @Column('text', { name: 'category_id', nullable: true })
  categoryId: string | null;

  @Column('text', { name: 'area_id', nullable: true })
  areaId: string | null;

  @Column('text', { name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column('text', { name: 'service_point_id', nullable: true })
  servicePointId: string | null;

  @Column('text', { name: 'template_id', nullable: true })
  templateId: string | null;

  @Column('text', { name: 'inbox_id' })
  inboxId: string;

  /** The contractor organisation the case is distributed to; its contractors see the case. */
  @Column('text', { name: 'external_organisation_id', nullable: true })
  externalOrganisationId: string | null;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column('text', { name: 'assignee_name', nullable: true })
  assigneeName: string | null;

  @Column('boolean', { name: 'customer_wants_answer', default: false })
  customerWantsAnswer: boolean;

  @Column('boolean', { name: 'customer_answered', default: false })
  customerAnswered: boolean;

  @Column('boolean', { default: false })
  secret: boolean;

  @Column('text', { name: 'secrecy_paragraph', nullable: true })
  secrecyParagraph: string | null;

  @Column('boolean', { name: 'personal_data', default: false })
  personalData: boolean;

  @Column('timestamptz', { name: 'event_at', nullable: true })
  eventAt: Date | null;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** When the customer last wrote on the case and nobody has answered since: the handler's warning. */
  @Column('timestamptz', { name: 'customer_replied_at', nullable: true })
  customerRepliedAt: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('integer', { name: 'handling_seconds', default: 0 })
  handlingSeconds: number;

  @Column('text', { name: 'lock_holder_id', nullable: true })
  lockHolderId: string | null;

  @Column('text', { name: 'lock_holder_name', nullable: true })
  lockHolderName: string | null;

  @Column('timestamptz', { name: 'locked_at', nullable: true })
  lockedAt: Date | null;

  @Column('uuid', { name: 'parent_case_id', nullable: true })
  parentCaseId: string | null;

  @Column('text', { name: 'registered_by' })
  registeredBy: string;

  /** Set while a specialist group owes feedback: the inbox the case goes back to. */
  @Column('text', { name: 'feedback_return_inbox_id', nullable: true })
  feedbackReturnInboxId: string | null;
  /** The SLA target from the case's template (CaseSla), or null. */
  @Column('jsonb', { nullable: true })
  sla: CaseSla | null;

  /** The receiver in the current inbox acknowledged the case (kvittens); cleared when the inbox changes. */
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null;

  @Column('text', { name: 'acknowledged_by', nullable: true })
  acknowledgedBy: string | null;

  /** The current receiver contacted the customer (återkoppling), or somebody answered them; cleared with the inbox. */
  @Column('timestamptz', { name: 'customer_contacted_at', nullable: true })
  customerContactedAt: Date | null;

  @Column('text', { name: 'customer_contacted_by', nullable: true })
  customerContactedBy: string | null;

  /** Where the case is: a GeoJSON Point or Polygon in WGS 84 (CaseLocation), or null. */
  @Column('jsonb', { nullable: true })
  location: CaseLocation | null;
}
