import type { EntityManager } from 'typeorm';
import {
  type CaseView,
  type caseDistributedV1,
  DomainError,
  getCaseV1,
  listCaseCustomersV1,
  listEntriesV1,
  type referralSentV1,
  SYSTEM_ACTOR,
} from '@arende/contracts';
import type { EnvelopeOf, RpcClient, RpcContext } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { MessageService } from './message.service.js';
import { type ComposedMail, type MessageTemplateService, senderOf } from './message-template.service.js';

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** Timeline entries a distribution mail carries at most (the newest, in order). */
const MAX_ENTRIES = 50;

/**
 * Mails that carry a case out of the platform: a distribution to an external system or "for information"
 * (the parts of the case the distributor chose), and a referral (remiss) with the Message-ID case-core gave it,
 * so the answer threads back to the referral. The case's own entry (distribution, referral) already records
 * them, so no outbound entry is written on the case.
 */
export class CaseMailService {
  constructor(
    private readonly messages: MessageService,
    private readonly templates: MessageTemplateService,
    private readonly rpc: RpcClient,
    private readonly logger: StructuredLogger,
  ) {}

  async distributed(envelope: EnvelopeOf<typeof caseDistributedV1>, manager: EntityManager): Promise<void> {
    const d = envelope.data;
    if (d.email === null || d.email.to.length === 0) return;
    const ctx: RpcContext = { actor: SYSTEM_ACTOR, correlationId: envelope.correlationId };
    const found = await this.distributionValues(d, ctx);
    if (found === null) return;
    const purpose = d.kind === 'for_information' ? 'distribution_information' : 'distribution_external';
    const mail = await this.templates.compose(
      manager,
      purpose,
      found.values,
      senderOf(envelope.actor, found.view.servicePointId),
    );
    for (const to of new Set(d.email.to.map((address) => address.toLowerCase()))) {
      await this.messages.queueEmail(
        manager,
        {
          to,
          ...queued(mail),
          caseNumber: d.number,
          purpose,
          dedupeKey: `distribution:${d.entryId}:${to}`,
          caseEntry: false,
        },
        ctx,
      );
    }
  }

  async referralSent(envelope: EnvelopeOf<typeof referralSentV1>, manager: EntityManager): Promise<void> {
    const r = envelope.data;
    const ctx: RpcContext = { actor: SYSTEM_ACTOR, correlationId: envelope.correlationId };
    const attachments =
      r.attachments.length === 0
        ? ''
        : `\n\nBilagor i ärendet: ${r.attachments.map((a) => a.fileName).join(', ')} (fås från kundtjänst på begäran).`;
    const view = await this.caseView(r.caseNumber, ctx);
    const mail = await this.templates.compose(
      manager,
      'referral',
      {
        caseNumber: r.caseNumber,
        title: r.caseTitle,
        customerName: '',
        handlerName: view?.assigneeName ?? '',
        expectedFeedback: '',
        portalLink: '',
        portalLine: '',
        greeting: r.to.name ? `Hej ${r.to.name}!` : 'Hej!',
        recipientName: r.to.name ?? '',
        message: r.message,
        referralNumber: r.referralNumber,
        replyBy: stockholmDate.format(new Date(r.replyBy)),
        senderName: r.sentBy.name ?? '',
        attachments,
      },
      { userId: r.sentBy.id, servicePointId: view?.servicePointId ?? null },
    );
    await this.messages.queueEmail(
      manager,
      {
        to: r.to.email,
        ...queued(mail),
        caseNumber: r.caseNumber,
        purpose: 'referral',
        dedupeKey: `referral:${r.id}`,
        messageId: r.messageId,
        caseEntry: false,
      },
      ctx,
    );
  }

  private async caseView(number: string, ctx: RpcContext): Promise<CaseView | null> {
    try {
      return await this.rpc.request(getCaseV1, { number }, ctx);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') return null;
      throw error;
    }
  }

  /** The distribution mail's placeholders: `details` holds the parts of the case the distributor chose. */
  private async distributionValues(
    d: EnvelopeOf<typeof caseDistributedV1>['data'],
    ctx: RpcContext,
  ): Promise<{ view: CaseView; values: Record<string, string> } | null> {
    const include = d.email!.include;
    const view = await this.caseView(d.number, ctx);
    if (view === null) {
      this.logger.warn({ number: d.number }, 'Distribution mail skipped: the case is gone');
      return null;
    }
    const parts: string[] = [];
    if (include.description && view.description) parts.push(`Beskrivning:\n${view.description}`);
    const { items: customers } = await this.rpc.request(listCaseCustomersV1, { number: d.number }, ctx);
    if (include.customer) {
      const lines = customers.map((c) =>
        [
          [c.firstName, c.lastName].filter(Boolean).join(' ') || c.companyName,
          c.email,
          c.mobilePhone ?? c.homePhone ?? c.workPhone,
        ]
          .filter(Boolean)
          .join(', '),
      );
      if (lines.length > 0) parts.push(`Kund:\n${lines.join('\n')}`);
    }
    if (include.entries) {
      const page = await this.rpc.request(listEntriesV1, { number: d.number, order: 'desc', limit: MAX_ENTRIES }, ctx);
      const lines = page.items
        .filter((e) => e.text.trim() !== '')
        .reverse()
        .map((e) => `${stockholmDate.format(new Date(e.createdAt))} ${e.author?.name ?? ''}\n${e.text.trim()}`);
      if (lines.length > 0) parts.push(`Händelser i ärendet:\n\n${lines.join('\n\n')}`);
    }
    if (include.attachments) parts.push('Bilagor finns i ärendet och skickas inte med e-post.');
    const customer = customers.find((c) => c.email !== null) ?? customers[0];
    return {
      view,
      values: {
        caseNumber: view.number,
        title: view.title,
        customerName: customer?.firstName ?? customer?.companyName ?? '',
        handlerName: view.assigneeName ?? '',
        expectedFeedback: '',
        portalLink: '',
        portalLine: '',
        note: d.note,
        details: parts.join('\n\n'),
      },
    };
  }
}

/** A composed mail as queueEmail takes it. */
function queued(mail: ComposedMail) {
  return {
    subject: mail.subject,
    text: mail.text,
    attachments: mail.attachments,
    ...(mail.html === null ? {} : { html: mail.html }),
  };
}
