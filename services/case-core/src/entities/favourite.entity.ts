import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A user's favourite case. Personal, so not part of the case's event log. */
@Entity({ name: 'favourite' })
@Index('favourite_user_order_idx', ['userId', 'createdAt', 'caseId'])
export class FavouriteEntity {
  @PrimaryColumn('text', { name: 'user_id', primaryKeyConstraintName: 'favourite_pkey' })
  userId: string;

  @PrimaryColumn('uuid', { name: 'case_id', primaryKeyConstraintName: 'favourite_pkey' })
  caseId: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
