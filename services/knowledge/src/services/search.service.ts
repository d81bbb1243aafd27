import type { SearchArticlesRequest, SearchResult } from '@arende/contracts';
import type { KnowledgeSearch } from '../search/knowledge-search.js';

/** Search and suggestions, on whichever back end is configured. Only published articles are indexed. */
export class SearchService {
  constructor(private readonly backend: KnowledgeSearch) {}

  async search(request: SearchArticlesRequest): Promise<SearchResult> {
    return await this.backend.search(request);
  }

  async suggestForCase(input: {
    title: string;
    description: string;
    caseTypeId?: string;
    limit: number;
  }): Promise<SearchResult> {
    return await this.backend.suggest({
      text: `${input.title}\n${input.description}`,
      limit: input.limit,
      caseTypeId: input.caseTypeId,
    });
  }
}
