import { listWebSourcesV1, refreshWebSourceV1, saveWebSourceV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { WebImportService } from '../services/web-import.service.js';

/** The NATS edge of the website import. */
export class WebSourceHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly imports: WebImportService,
  ) {}

  listen(): void {
    this.rpc
      .handle(saveWebSourceV1, (data, ctx) => this.imports.save(data, ctx))
      .handle(listWebSourcesV1, () => this.imports.list())
      .handle(refreshWebSourceV1, (data, ctx) => this.imports.refresh(data, ctx));
  }
}
