import { folderTreeV1, saveFolderV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { FolderService } from '../services/folder.service.js';

/** The NATS edge of the folder tree. */
export class FolderHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly folders: FolderService,
  ) {}

  listen(): void {
    this.rpc
      .handle(saveFolderV1, (data, ctx) => this.folders.save(data, ctx))
      .handle(folderTreeV1, () => this.folders.tree());
  }
}
