import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, Unique } from 'typeorm';
import { FolderEntity } from './folder.entity.js';

/** A sitemap of the city's website whose pages are imported as articles, read again every refresh_minutes. */
@Entity({ name: 'web_source' })
@Unique('web_source_sitemap_url_key', ['sitemapUrl'])
@Index('web_source_due_idx', ['nextRunAt'])
export class WebSourceEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'web_source_pkey' })
  id: string;

  @Column('text', { name: 'sitemap_url' })
  sitemapUrl: string;

  @Column('uuid', { name: 'folder_id', nullable: true })
  folderId: string | null;

  @Column('integer', { name: 'refresh_minutes' })
  refreshMinutes: number;

  @Column('timestamptz', { name: 'next_run_at' })
  nextRunAt: Date;

  @Column('timestamptz', { name: 'last_run_at', nullable: true })
  lastRunAt: Date | null;

  @Column('jsonb', { name: 'last_result', nullable: true })
  lastResult: unknown;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @ManyToOne(() => FolderEntity)
  @JoinColumn({ name: 'folder_id', foreignKeyConstraintName: 'web_source_folder_fkey' })
  folder: Relation<FolderEntity> | null;
}
