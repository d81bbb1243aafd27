import type { EntityManager } from 'typeorm';
import {
  type CaseView,
  type EntryAttachment,
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
import type { MailAttachment } from '../mail/mail-sender.js';
import type { MessageService } from './message.service.js';
import { type ComposedMail, type MessageTemplateService, senderOf } from './message-template.service.js';

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** Pages of 200 entries read for a distribution's attachments at most. */
const MAX_ATTACHMENT_PAGES = 25;

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
    /** Bytes of attachments one mail carries, together. */
    private readonly maxAttachmentBytes: number,
  ) {}

  async distributed(envelope: EnvelopeOf<typeof caseDistributedV1>, manager: EntityManager): Promise<void> {
    const d = envelope.data;
    if (d.email === null || d.email.to.length === 0) return;
    const ctx: RpcContext = { actor: SYSTEM_ACTOR, correlationId: envelope.correlationId };
    const found = await this.distributionValues(d, ctx);
    if (found === null) return;
    const files = d.email.include.attachments
      ? chooseAttachments(await this.caseAttachments(d.number, ctx), this.maxAttachmentBytes)
      : { attached: [], lines: [] };
    if (files.lines.length > 0) {
      found.values.details = [found.values.details, files.lines.join('\n')].filter(Boolean).join('\n\n');
    }
    const purpose = d.kind === 'for_information' ? 'distribution_information' : 'distribution_external';
    const mail = await this.templates.compose(
      manager,
      purpose,
      found.values,
      senderOf(envelope.actor, found.view.servicePointId),
    );
    mail.attachments.push(...files.attached);
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
    const files = chooseAttachments(r.attachments, this.maxAttachmentBytes);
    const attachments = files.lines.length === 0 ? '' : `\n\n${files.lines.join('\n')}`;
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
    mail.attachments.push(...files.attached);
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

  /** Every attachment on the case's timeline, oldest first, each once. */
  private async caseAttachments(number: string, ctx: RpcContext): Promise<EntryAttachment[]> {
    const found = new Map<string, EntryAttachment>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_ATTACHMENT_PAGES; page += 1) {
      const entries = await this.rpc.request(
        listEntriesV1,
        { number, order: 'asc', limit: 200, ...(cursor === undefined ? {} : { cursor }) },
        ctx,
      );
      for (const entry of entries.items) for (const a of entry.attachments) if (!found.has(a.id)) found.set(a.id, a);
      if (entries.nextCursor === null) break;
      cursor = entries.nextCursor;
    }
    return [...found.values()];
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

/**
 * The attachments a mail carries, in order while they fit under the cap together, and the lines that say in the
 * mail what was attached and what was not (too large, or never stored as a file), so nothing goes missing unseen.
 */
export function chooseAttachments(
  attachments: readonly EntryAttachment[],
  maxBytes: number,
): { attached: MailAttachment[]; lines: string[] } {
  const attached: MailAttachment[] = [];
  const tooLarge: string[] = [];
  const notStored: string[] = [];
  let total = 0;
  for (const a of attachments) {
    if (a.storageKey === undefined) notStored.push(a.fileName);
    else if (total + a.size > maxBytes) tooLarge.push(a.fileName);
    else {
      total += a.size;
      attached.push({
        kind: 'blob',
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        storageKey: a.storageKey,
      });
    }
  }
  const lines: string[] = [];
  if (attached.length > 0) lines.push(`Bifogade filer: ${attached.map((a) => a.fileName).join(', ')}.`);
  if (tooLarge.length > 0) {
    lines.push(
      `För stora för e-post (högst ${Math.floor(maxBytes / (1024 * 1024))} MB tillsammans), fås från kundtjänst på begäran: ${tooLarge.join(', ')}.`,
    );
  }
  if (notStored.length > 0) lines.push(`Finns i ärendet, fås från kundtjänst på begäran: ${notStored.join(', ')}.`);
  return { attached, lines };
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
