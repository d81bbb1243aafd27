import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/** A folder of the knowledge base tree. */
@Entity({ name: 'folder' })
@Index('folder_parent_idx', ['parentId'])
export class FolderEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'folder_pkey' })
  id: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('text')
  name: string;

  @Column('integer')
  position: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @ManyToOne(() => FolderEntity)
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'folder_parent_fkey' })
  parent: Relation<FolderEntity> | null;
}
