import type { EntityManager } from 'typeorm';
import {
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
    private readonly rpc: RpcClient,
    private readonly logger: StructuredLogger,
  ) {}

  async distributed(envelope: EnvelopeOf<typeof caseDistributedV1>, manager: EntityManager): Promise<void> {
    const d = envelope.data;
    if (d.email === null || d.email.to.length === 0) return;
    const ctx: RpcContext = { actor: SYSTEM_ACTOR, correlationId: envelope.correlationId };
    const text = await this.distributionText(d, ctx);
    if (text === null) return;
    for (const to of new Set(d.email.to.map((address) => address.toLowerCase()))) {
      await this.messages.queueEmail(
        manager,
        {
          to,
          subject: text.subject,
          text: text.body,
          caseNumber: d.number,
          purpose: d.kind === 'for_information' ? 'distribution_information' : 'distribution_external',
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
    const greeting = r.to.name ? `Hej ${r.to.name}!` : 'Hej!';
    const attachments =
      r.attachments.length === 0
        ? ''
        : `\n\nBilagor i ärendet: ${r.attachments.map((a) => a.fileName).join(', ')} (fås från kundtjänst på begäran).`;
    await this.messages.queueEmail(
      manager,
      {
        to: r.to.email,
        subject: `Remiss ${r.referralNumber}: ${r.caseTitle}`,
        text:
          `${greeting}\n\n${r.message}\n\nSvara senast ${stockholmDate.format(new Date(r.replyBy))} genom att ` +
          `svara på det här meddelandet; ange remissnummer ${r.referralNumber} om du skriver ett nytt.` +
          `${attachments}\n\nFrån ${r.sentBy.name}\n`,
        caseNumber: r.caseNumber,
        purpose: 'referral',
        dedupeKey: `referral:${r.id}`,
        messageId: r.messageId,
        caseEntry: false,
      },
      ctx,
    );
  }

  private async distributionText(
    d: EnvelopeOf<typeof caseDistributedV1>['data'],
    ctx: RpcContext,
  ): Promise<{ subject: string; body: string } | null> {
    const include = d.email!.include;
    let view;
    try {
      view = await this.rpc.request(getCaseV1, { number: d.number }, ctx);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') {
        this.logger.warn({ number: d.number }, 'Distribution mail skipped: the case is gone');
        return null;
      }
      throw error;
    }
    const parts = [d.kind === 'for_information' ? 'För kännedom.' : 'Ärendet skickas till er för handläggning.'];
    if (d.note) parts.push(d.note);
    if (include.description && view.description) parts.push(`Beskrivning:\n${view.description}`);
    if (include.customer) {
      const { items } = await this.rpc.request(listCaseCustomersV1, { number: d.number }, ctx);
      const lines = items.map((c) =>
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
    return { subject: view.title, body: `${parts.join('\n\n')}\n` };
  }
}
