import { FolderEntity } from './folder.entity.js';
import { ArticleEntity } from './article.entity.js';
import { ArticleVersionEntity } from './article-version.entity.js';
import { ArticleLinkEntity } from './article-link.entity.js';
import { ArticleSearchEntity } from './article-search.entity.js';
import { SearchTermEntity } from './search-term.entity.js';
import { SynonymGroupEntity } from './synonym-group.entity.js';
import { RatingEntity } from './rating.entity.js';
import { ProposalEntity } from './proposal.entity.js';

export const ENTITIES = [
  FolderEntity,
  ArticleEntity,
  ArticleVersionEntity,
  ArticleLinkEntity,
  ArticleSearchEntity,
  SearchTermEntity,
  SynonymGroupEntity,
  RatingEntity,
  ProposalEntity,
];
