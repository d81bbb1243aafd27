import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A case type, category, area, org unit, service point or answer group. */
@Entity({ name: 'reference' })
export class ReferenceEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'reference_pkey' })
  kind: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'reference_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('text')
  instruction: string;

  @Column('text', { name: 'org_level', nullable: true })
  orgLevel: string | null;

  @Column('text', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
