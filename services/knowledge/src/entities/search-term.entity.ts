import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A word that published articles use (for spelling tolerance and prefixes). */
@Entity({ name: 'search_term' })
// Declared here so TypeORM keeps them; created by the migration (trigram GIN, text_pattern_ops btree).
@Index('search_term_trgm_idx', { synchronize: false })
@Index('search_term_prefix_idx', { synchronize: false })
export class SearchTermEntity {
  @PrimaryColumn('text', { primaryKeyConstraintName: 'search_term_pkey' })
  term: string;
}
