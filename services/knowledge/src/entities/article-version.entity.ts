import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';

/** One step of an article's history: who changed which fields, and why. */
@Entity({ name: 'article_version' })
export class ArticleVersionEntity {
  @PrimaryColumn('uuid', { name: 'article_id', primaryKeyConstraintName: 'article_version_pkey' })
  articleId: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'article_version_pkey' })
  version: number;

  @Column('text')
  source: string;

  @Column('timestamptz', { name: 'changed_at' })
  changedAt: Date;

  @Column('text', { name: 'changed_by' })
  changedBy: string;

  @Column('text', { name: 'changed_by_name', nullable: true })
  changedByName: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('jsonb')
  changes: Record<string, { before: unknown; after: unknown }>;

  @Column('uuid', { name: 'proposal_id', nullable: true })
  proposalId: string | null;

  @ManyToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'article_version_article_fkey' })
  article: Relation<ArticleEntity>;
}
