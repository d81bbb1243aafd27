import { listReferralsV1, sendReferralV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { ReferralService } from '../services/referral.service.js';

/** The NATS edge for referrals (remisser). */
export class ReferralHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly referrals: ReferralService,
  ) {}

  listen(): void {
    this.rpc.handle(sendReferralV1, (data, ctx) => this.referrals.send(data, ctx));
    this.rpc.handle(listReferralsV1, (data, ctx) => this.referrals.list(data.number, ctx));
  }
}
