import { acknowledgeCaseV1, markCustomerContactedV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { FollowUpService } from '../services/follow-up.service.js';

/** Acknowledgement and customer contact by the receiver of a case. */
export class FollowUpHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly followUps: FollowUpService,
  ) {}

  listen(): void {
    this.rpc.handle(acknowledgeCaseV1, (data, ctx) => this.followUps.acknowledge(data.number, ctx));
    this.rpc.handle(markCustomerContactedV1, (data, ctx) => this.followUps.markCustomerContacted(data, ctx));
  }
}
