import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of a user's saved inbox searches (a link in their quick menu). Personal, so not in any case's event log. */
@Entity({ name: 'saved_search' })
export class SavedSearchEntity {
  @PrimaryColumn('text', { name: 'user_id', primaryKeyConstraintName: 'saved_search_pkey' })
  userId: string;

  /** The name in lower case: one search per name and user, whatever its case. */
  @PrimaryColumn('text', { name: 'name_key', primaryKeyConstraintName: 'saved_search_pkey' })
  nameKey: string;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'inbox_id' })
  inboxId: string;

  @Column('text', { name: 'query' })
  query: string;

  @Column('timestamptz', { name: 'saved_at' })
  savedAt: Date;
}
