import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A business-hours calendar (`BusinessCalendarDefinition`) that templates name by id. */
@Entity({ name: 'calendar' })
export class CalendarEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'calendar_pkey' })
  id: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  definition: Record<string, unknown>;

  @Column('integer')
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
