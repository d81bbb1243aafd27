import { CreateKnowledge1764100000000 } from './1764100000000-create-knowledge.js';
import { SearchPools1764100100000 } from './1764100100000-search-pools.js';
import { WebImport1764100200000 } from './1764100200000-web-import.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateKnowledge1764100000000, SearchPools1764100100000, WebImport1764100200000];
