import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signature of a scope; '' in a key column means "any" (both '' is the global signature). */
@Entity({ name: 'signature' })
export class SignatureEntity {
  @PrimaryColumn('text', { name: 'user_id', primaryKeyConstraintName: 'signature_pkey' })
  userId: string;

  @PrimaryColumn('text', { name: 'service_point_id', primaryKeyConstraintName: 'signature_pkey' })
  servicePointId: string;

  @Column('text')
  text: string;

  @Column('text', { nullable: true })
  html: string | null;

  /** The logo as a data URL, checked for type and size when stored. */
  @Column('text', { nullable: true })
  logo: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}
