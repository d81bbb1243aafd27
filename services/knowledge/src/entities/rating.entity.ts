import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';

/** A user's rating of an article; the last one counts. */
@Entity({ name: 'rating' })
@Check('rating_stars_check', '"stars" BETWEEN 1 AND 5')
export class RatingEntity {
  @PrimaryColumn('uuid', { name: 'article_id', primaryKeyConstraintName: 'rating_pkey' })
  articleId: string;

  @PrimaryColumn('text', { name: 'user_id', primaryKeyConstraintName: 'rating_pkey' })
  userId: string;

  @Column('smallint')
  stars: number;

  @Column('timestamptz', { name: 'rated_at' })
  ratedAt: Date;

  @ManyToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'rating_article_fkey' })
  article: Relation<ArticleEntity>;
}
