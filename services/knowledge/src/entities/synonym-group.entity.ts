import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Words the city treats as one in search. */
@Entity({ name: 'synonym_group' })
// Declared here so TypeORM keeps it; created by the migration (GIN over the array).
@Index('synonym_group_terms_idx', { synchronize: false })
export class SynonymGroupEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'synonym_group_pkey' })
  id: string;

  @Column('text', { array: true })
  terms: string[];

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
