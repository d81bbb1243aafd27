import { addFavouriteV1, listFavouritesV1, removeFavouriteV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { FavouriteService } from '../services/favourite.service.js';

/** The NATS edge of favourites; the user is always the request's actor. */
export class FavouriteHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly favourites: FavouriteService,
  ) {}

  listen(): void {
    this.rpc.handle(addFavouriteV1, (data, ctx) => this.favourites.add(data.number, ctx));
    this.rpc.handle(removeFavouriteV1, (data, ctx) => this.favourites.remove(data.number, ctx));
    this.rpc.handle(listFavouritesV1, (data, ctx) => this.favourites.list(data, ctx));
  }
}
