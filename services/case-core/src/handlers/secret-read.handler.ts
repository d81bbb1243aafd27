import { listSecretReadsV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { SecretReadService } from '../services/secret-read.service.js';

/** The NATS edge of the secret-read audit log. */
export class SecretReadHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly audit: SecretReadService,
  ) {}

  listen(): void {
    this.rpc.handle(listSecretReadsV1, (data, ctx) => this.audit.list(data, ctx));
  }
}
