import {
  deleteSynonymGroupV1,
  listSynonymGroupsV1,
  saveSynonymGroupV1,
  searchArticlesV1,
  suggestForCaseV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { SearchService } from '../services/search.service.js';
import type { SynonymService } from '../services/synonym.service.js';

/** The NATS edge of search, suggestions and the synonym list. */
export class SearchHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly search: SearchService,
    private readonly synonyms: SynonymService,
  ) {}

  listen(): void {
    this.rpc
      .handle(searchArticlesV1, (data) => this.search.search(data))
      .handle(suggestForCaseV1, (data) => this.search.suggestForCase(data))
      .handle(saveSynonymGroupV1, (data, ctx) => this.synonyms.save(data, ctx))
      .handle(deleteSynonymGroupV1, (data, ctx) => this.synonyms.delete(data, ctx))
      .handle(listSynonymGroupsV1, () => this.synonyms.list());
  }
}
