import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person of the staff directory (telefonkatalog). */
@Entity({ name: 'staff' })
// Declared here so TypeORM keeps it; created by the migration (unique only where a login is set).
@Index('staff_user_name_key', { synchronize: false })
@Index('staff_department_idx', ['departmentId'])
@Index('staff_unit_idx', ['unitId'])
export class StaffEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'staff_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('text')
  name: string;

  @Column('text')
  title: string;

  @Column('text', { name: 'department_id' })
  departmentId: string;

  @Column('text', { name: 'unit_id', nullable: true })
  unitId: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  mobile: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { array: true })
  skills: string[];

  @Column('text', { name: 'inbox_ids', array: true })
  inboxIds: string[];

  @Column('text', { name: 'user_name', nullable: true })
  userName: string | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
