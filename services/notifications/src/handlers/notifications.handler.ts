import { listMessagesV1, sendEmailV1 } from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { MessageService } from '../services/message.service.js';

/** The NATS request/reply edge of notifications. */
export class NotificationsHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly messages: MessageService,
  ) {}

  listen(): void {
    this.rpc
      .handle(sendEmailV1, (data, ctx) => this.messages.sendEmail(data, ctx))
      .handle(listMessagesV1, (data, ctx) => this.messages.listByCase(data.caseNumber, ctx));
  }
}
