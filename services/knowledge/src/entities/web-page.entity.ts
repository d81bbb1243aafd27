import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';
import { WebSourceEntity } from './web-source.entity.js';

/** A page of a sitemap and the article that is its copy; the hash tells whether the page changed. */
@Entity({ name: 'web_page' })
@Index('web_page_source_idx', ['sourceId'])
export class WebPageEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'web_page_pkey' })
  url: string;

  @Column('uuid', { name: 'source_id' })
  sourceId: string;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @Column('text', { nullable: true })
  lastmod: string | null;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('timestamptz', { name: 'fetched_at' })
  fetchedAt: Date;

  @ManyToOne(() => WebSourceEntity)
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'web_page_source_fkey' })
  source: Relation<WebSourceEntity>;

  @ManyToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'web_page_article_fkey' })
  article: Relation<ArticleEntity>;
}
