import { listSavedSearchesV1, removeSavedSearchV1, saveSearchV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { SavedSearchService } from '../services/saved-search.service.js';

/** The NATS edge of saved searches; the user is always the request's actor. */
export class SavedSearchHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly searches: SavedSearchService,
  ) {}

  listen(): void {
    this.rpc.handle(saveSearchV1, (data, ctx) => this.searches.save(data, ctx));
    this.rpc.handle(removeSavedSearchV1, (data, ctx) => this.searches.remove(data.name, ctx));
    this.rpc.handle(listSavedSearchesV1, (_data, ctx) => this.searches.list(ctx));
  }
}
