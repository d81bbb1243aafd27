import {
  countInboxV1,
  getCaseV1,
  listInboxV1,
  lockCaseV1,
  registerCaseV1,
  transitionCaseV1,
  unlockCaseV1,
  updateCaseV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { CaseService } from '../services/case.service.js';
import type { TemplateRegistrationService } from '../services/template-registration.service.js';

/** The NATS edge of case-core: each request is parsed by its contract, then handed to one service method. */
export class CaseHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly cases: CaseService,
    private readonly registrations: TemplateRegistrationService,
  ) {}

  listen(): void {
    this.rpc.handle(registerCaseV1, (data, ctx) => this.registrations.register(data, ctx));
    this.rpc.handle(getCaseV1, (data, ctx) => this.cases.get(data.number, ctx));
    this.rpc.handle(updateCaseV1, (data, ctx) => this.cases.update(data, ctx));
    this.rpc.handle(transitionCaseV1, (data, ctx) => this.cases.transition(data, ctx));
    this.rpc.handle(listInboxV1, (data, ctx) => this.cases.listInbox(data, ctx));
    this.rpc.handle(countInboxV1, (data, ctx) => this.cases.countInbox(data, ctx));
    this.rpc.handle(lockCaseV1, (data, ctx) => this.cases.lock(data.number, ctx));
    this.rpc.handle(unlockCaseV1, (data, ctx) => this.cases.unlock(data.number, data.force, ctx));
  }
}
