import { distributeCasesV1, moveCaseV1, returnFeedbackV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { DistributionService } from '../services/distribution.service.js';

export class DistributionHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly distributions: DistributionService,
  ) {}

  listen(): void {
    this.rpc.handle(distributeCasesV1, (data, ctx) => this.distributions.distribute(data, ctx));
    this.rpc.handle(returnFeedbackV1, (data, ctx) => this.distributions.returnFeedback(data, ctx));
    this.rpc.handle(moveCaseV1, (data, ctx) => this.distributions.move(data, ctx));
  }
}
