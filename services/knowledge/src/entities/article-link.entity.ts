import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';

/** An article serves a case type or a category (ids of routing's reference data). */
@Entity({ name: 'article_link' })
@Index('article_link_target_idx', ['kind', 'targetId', 'articleId'])
export class ArticleLinkEntity {
  @PrimaryColumn('uuid', { name: 'article_id', primaryKeyConstraintName: 'article_link_pkey' })
  articleId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'article_link_pkey' })
  kind: string;

  @PrimaryColumn('text', { name: 'target_id', primaryKeyConstraintName: 'article_link_pkey' })
  targetId: string;

  @Column('timestamptz', { name: 'linked_at' })
  linkedAt: Date;

  @Column('text', { name: 'linked_by' })
  linkedBy: string;

  @ManyToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'article_link_article_fkey' })
  article: Relation<ArticleEntity>;
}
