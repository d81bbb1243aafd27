import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';

/** The search row of a published article (PostgreSQL back end; see search/postgres-search.ts). */
@Entity({ name: 'article_search' })
// Declared here so TypeORM keeps them; created by the migrations (GIN over the tsvectors, text_pattern_ops).
@Index('article_search_vector_idx', { synchronize: false })
@Index('article_search_head_idx', { synchronize: false })
@Index('article_search_title_idx', { synchronize: false })
export class ArticleSearchEntity {
  @PrimaryColumn('uuid', { name: 'article_id', primaryKeyConstraintName: 'article_search_pkey' })
  articleId: string;

  @Column('integer')
  version: number;

  @Column('text')
  kind: string;

  @Column('uuid', { name: 'folder_id', nullable: true })
  folderId: string | null;

  @Column('text')
  title: string;

  @Column('text', { name: 'title_key' })
  titleKey: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  @Column('tsvector', { name: 'head_vector' })
  headVector: string;

  @Column('tsvector', { name: 'search_vector' })
  searchVector: string;

  @OneToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'article_search_article_fkey' })
  article: Relation<ArticleEntity>;
}
