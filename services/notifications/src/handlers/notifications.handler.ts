import {
  deleteMessageTemplateV1,
  deleteSignatureV1,
  getMessageTemplateV1,
  getSignatureV1,
  listMessagesV1,
  listMessageTemplatesV1,
  listSignaturesV1,
  putMessageTemplateV1,
  putSignatureV1,
  sendEmailV1,
  sendSmsV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { MessageService } from '../services/message.service.js';
import type { MessageTemplateService } from '../services/message-template.service.js';

/** The NATS request/reply edge of notifications. */
export class NotificationsHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly messages: MessageService,
    private readonly templates: MessageTemplateService,
  ) {}

  listen(): void {
    this.rpc
      .handle(sendEmailV1, (data, ctx) => this.messages.sendEmail(data, ctx))
      .handle(sendSmsV1, (data, ctx) => this.messages.sendSms(data, ctx))
      .handle(listMessagesV1, (data, ctx) => this.messages.listByCase(data.caseNumber, ctx))
      .handle(listMessageTemplatesV1, (_data, ctx) => this.templates.listTemplates(ctx))
      .handle(getMessageTemplateV1, (data, ctx) => this.templates.getTemplate(data, ctx))
      .handle(putMessageTemplateV1, (data, ctx) => this.templates.putTemplate(data, ctx))
      .handle(deleteMessageTemplateV1, (data, ctx) => this.templates.deleteTemplate(data, ctx))
      .handle(listSignaturesV1, (_data, ctx) => this.templates.listSignatures(ctx))
      .handle(getSignatureV1, (data, ctx) => this.templates.getSignature(data, ctx))
      .handle(putSignatureV1, (data, ctx) => this.templates.putSignature(data, ctx))
      .handle(deleteSignatureV1, (data, ctx) => this.templates.deleteSignature(data, ctx));
  }
}
