import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, Unique } from 'typeorm';
import { FolderEntity } from './folder.entity.js';

/** An article's working copy: the latest version. When published, readers and search see this version. */
@Entity({ name: 'article' })
@Index('article_folder_idx', ['folderId', 'title'])
@Unique('article_source_url_key', ['sourceUrl'])
export class ArticleEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'article_pkey' })
  id: string;

  @Column('integer')
  version: number;

  @Column('text')
  status: string;

  @Column('text')
  kind: string;

  @Column('text')
  title: string;

  @Column('text')
  summary: string;

  @Column('text')
  body: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('uuid', { name: 'folder_id', nullable: true })
  folderId: string | null;

  @Column('text', { name: 'owner_department', nullable: true })
  ownerDepartment: string | null;

  @Column('date', { name: 'review_date', nullable: true })
  reviewDate: string | null;

  @Column('integer', { name: 'published_version', nullable: true })
  publishedVersion: number | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;

  /** The website page this article is an imported copy of. */
  @Column('text', { name: 'source_url', nullable: true })
  sourceUrl: string | null;

  @ManyToOne(() => FolderEntity)
  @JoinColumn({ name: 'folder_id', foreignKeyConstraintName: 'article_folder_fkey' })
  folder: Relation<FolderEntity> | null;
}
