import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A template (mallärende); what it pre-fills and its matching rules are in `fields`. */
@Entity({ name: 'template' })
@Index('template_position_idx', ['position', 'id'])
export class TemplateEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'template_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('integer')
  position: number;

  @Column('boolean')
  active: boolean;

  @Column('text')
  title: string;

  @Column('text', { name: 'case_type_id', nullable: true })
  caseTypeId: string | null;

  @Column('jsonb')
  fields: Record<string, unknown>;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
