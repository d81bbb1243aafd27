import { assignCaseV1, pickNextV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { AssignmentService } from '../services/assignment.service.js';

export class AssignmentHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly assignments: AssignmentService,
  ) {}

  listen(): void {
    this.rpc.handle(assignCaseV1, (data, ctx) => this.assignments.assign(data, ctx));
    this.rpc.handle(pickNextV1, (data, ctx) => this.assignments.pickNext(data, ctx));
  }
}
