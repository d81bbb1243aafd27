import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A prefix of a word a person is found by, with the tier it finds them at and what they sort by. */
@Entity({ name: 'staff_prefix' })
// Declared here so TypeORM keeps them; created by the migrations (with an included column).
@Index('staff_prefix_staff_idx', { synchronize: false })
@Index('staff_prefix_probe_idx', { synchronize: false })
export class StaffPrefixEntity {
  @PrimaryColumn('text', { collation: 'C', primaryKeyConstraintName: 'staff_prefix_pkey' })
  prefix: string;

  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'staff_prefix_pkey' })
  tier: number;

  @PrimaryColumn('smallint', { name: 'name_length', primaryKeyConstraintName: 'staff_prefix_pkey' })
  nameLength: number;

  /** The name folded, with å ä ö ordered as in Swedish (`nameSortKey`). */
  @PrimaryColumn('text', { name: 'name_key', collation: 'C', primaryKeyConstraintName: 'staff_prefix_pkey' })
  nameKey: string;

  @PrimaryColumn('text', { name: 'staff_id', collation: 'C', primaryKeyConstraintName: 'staff_prefix_pkey' })
  staffId: string;
}
