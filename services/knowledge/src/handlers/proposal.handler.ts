import { acceptProposalV1, listProposalsV1, proposeChangeV1, rejectProposalV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { ProposalService } from '../services/proposal.service.js';

/** The NATS edge of change proposals. */
export class ProposalHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly proposals: ProposalService,
  ) {}

  listen(): void {
    this.rpc
      .handle(proposeChangeV1, (data, ctx) => this.proposals.propose(data, ctx))
      .handle(acceptProposalV1, (data, ctx) => this.proposals.accept(data, ctx))
      .handle(rejectProposalV1, (data, ctx) => this.proposals.reject(data, ctx))
      .handle(listProposalsV1, (data, ctx) => this.proposals.list(data, ctx));
  }
}
