import { FolderEntity } from './folder.entity.js';
import { ArticleEntity } from './article.entity.js';
import { ArticleVersionEntity } from './article-version.entity.js';
import { ArticleLinkEntity } from './article-link.entity.js';
import { ArticleSearchEntity } from './article-search.entity.js';
import { SearchTermEntity } from './search-term.entity.js';
import { SynonymGroupEntity } from './synonym-group.entity.js';
import { RatingEntity } from './rating.entity.js';
import { ProposalEntity } from './proposal.entity.js';
import { WebSourceEntity } from './web-source.entity.js';
import { WebPageEntity } from './web-page.entity.js';

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
  WebSourceEntity,
  WebPageEntity,
];
