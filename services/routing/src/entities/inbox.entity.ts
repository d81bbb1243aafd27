import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An inbox (inkorg): a work group, specialist group, external party or personal inbox. */
@Entity({ name: 'inbox' })
@Index('inbox_group_path_idx', ['groupPath'])
export class InboxEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'inbox_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('text')
  kind: string;

  @Column('text', { name: 'assignment_mode' })
  assignmentMode: string;

  @Column('text', { name: 'group_path' })
  groupPath: string;

  @Column('text', { name: 'org_unit_id', nullable: true })
  orgUnitId: string | null;

  @Column('text', { name: 'service_point_id', nullable: true })
  servicePointId: string | null;

  @Column('text', { name: 'external_organisation_id', nullable: true })
  externalOrganisationId: string | null;

  @Column('text', { name: 'owner_id', nullable: true })
  ownerId: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('integer', { name: 'acknowledge_minutes', nullable: true })
  acknowledgeMinutes: number | null;

  @Column('integer', { name: 'customer_contact_minutes', nullable: true })
  customerContactMinutes: number | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
