import { listCaseEventsV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { CaseEventService } from '../services/case-event.service.js';

/** The NATS edge of the event log. */
export class CaseEventHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly events: CaseEventService,
  ) {}

  listen(): void {
    this.rpc.handle(listCaseEventsV1, (data, ctx) => this.events.list(data, ctx));
  }
}
