import { copyCaseV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { CaseCopyService } from '../services/case-copy.service.js';

/** The NATS edge of copying a case. */
export class CaseCopyHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly copies: CaseCopyService,
  ) {}

  listen(): void {
    this.rpc.handle(copyCaseV1, (data, ctx) => this.copies.copy(data, ctx));
  }
}
