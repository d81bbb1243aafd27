import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ArticleEntity } from './article.entity.js';

/** A change an agent proposes to an article, until an editor accepts or rejects it. */
@Entity({ name: 'proposal' })
@Index('proposal_article_idx', ['articleId', 'proposedAt'])
@Index('proposal_status_idx', ['status', 'proposedAt'])
export class ProposalEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'proposal_pkey' })
  id: string;

  @Column('uuid', { name: 'article_id' })
  articleId: string;

  @Column('integer', { name: 'base_version' })
  baseVersion: number;

  @Column('jsonb')
  changes: Record<string, unknown>;

  @Column('text')
  comment: string;

  @Column('text')
  status: string;

  @Column('text', { name: 'proposed_by' })
  proposedBy: string;

  @Column('text', { name: 'proposed_by_name', nullable: true })
  proposedByName: string | null;

  @Column('timestamptz', { name: 'proposed_at' })
  proposedAt: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { name: 'decision_note', nullable: true })
  decisionNote: string | null;

  @Column('integer', { name: 'accepted_version', nullable: true })
  acceptedVersion: number | null;

  @ManyToOne(() => ArticleEntity)
  @JoinColumn({ name: 'article_id', foreignKeyConstraintName: 'proposal_article_fkey' })
  article: Relation<ArticleEntity>;
}
