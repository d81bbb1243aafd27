import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import {
  type Actor,
  addEntryV1,
  DomainError,
  type DeliveryAttempt,
  getCaseV1,
  type MessagePurpose,
  type MessageView,
  messageFailedV1,
  messageSentV1,
  type sendEmailV1,
  type sendSmsV1,
} from '@arende/contracts';
import { BlobNotFoundError, type BlobStore } from '@arende/blobs';
import { Outbox, createEnvelope, type RpcClient, type RpcContext } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { MailAttachment, MailSender, OutboundFile, SendOutcome } from '../mail/mail-sender.js';
import type { ElksSender } from '../sms/elks-sender.js';
import { type MessageRepository, type MessageRow, toView } from '../repositories/message.repository.js';
import type { SuppressionRepository } from '../repositories/suppression.repository.js';
import { type MessageTemplateService, senderOf } from './message-template.service.js';

export interface EmailRequest extends z.output<typeof sendEmailV1.request> {
  purpose: MessagePurpose;
  /** The Message-ID to send with, when another service gave the mail one already (a referral's). */
  messageId?: string;
  /** False when the case already records the mail in an entry of its own: no outbound entry is written. */
  caseEntry?: boolean;
  /** Files to send with it (a signature's logo, attachments of the case). */
  attachments?: MailAttachment[];
}

export interface SmsRequest {
  /** E.164, like +46701234567. */
  to: string;
  text: string;
  caseNumber?: string;
  dedupeKey?: string;
  purpose: MessagePurpose;
}

export interface MessageSettings {
  from: string;
  replyTo: string;
  messageIdDomain: string;
  maxAttempts: number;
  retryBaseMs: number;
}

const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
const BATCH = 10;

/** `Ärende 2026-000123: <title>`: intake reads the number back from a reply's subject (after SV:/Re:). */
export function caseSubject(caseNumber: string | undefined, subject: string): string {
  if (!caseNumber || subject.includes(caseNumber)) return subject;
  return `Ärende ${caseNumber}: ${subject}`;
}

/** The pause before attempt `attempts + 1`: the base, doubled for each attempt made, at most six hours. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * Outbound messages: queued in a transaction (with the suppression check), handed to the relay by
 * `deliverDue` with retries and back-off, and, once sent, written onto the case as an outbound entry whose
 * Message-ID threads the customer's reply back.
 */
export class MessageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messages: MessageRepository,
    private readonly suppressions: SuppressionRepository,
    private readonly mail: MailSender,
    /** Null when no SMS provider is configured: text messages then fail with that reason. */
    private readonly sms: ElksSender | null,
    /** Signs the mail staff send themselves. */
    private readonly signer: Pick<MessageTemplateService, 'sign'>,
    /** Where the case's attachments are kept (intake's store). */
    private readonly blobs: Pick<BlobStore, 'get'>,
    private readonly rpc: RpcClient,
    private readonly settings: MessageSettings,
    private readonly logger: StructuredLogger,
    private readonly listener: { nudge(): void },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sendEmail(input: z.output<typeof sendEmailV1.request>, ctx: RpcContext): Promise<MessageView> {
    if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'service' && ctx.actor.kind !== 'system') {
      throw new DomainError('AUTH.FORBIDDEN', 'Only staff and the platform send e-mail');
    }
    const servicePointId = input.caseNumber ? await this.servicePointOf(input.caseNumber, ctx) : null;
    const view = await this.dataSource.transaction(async (manager) => {
      const signed = await this.signer.sign(
        manager,
        { subject: input.subject, text: input.text, html: input.html ?? null },
        senderOf(ctx.actor, servicePointId),
      );
      return this.queueEmail(manager, { ...input, ...signed, html: signed.html ?? undefined, purpose: 'manual' }, ctx);
    });
    this.listener.nudge();
    return view;
  }

  /** A text message staff send about a case (reply by SMS); on the timeline once the provider took it. */
  async sendSms(input: z.output<typeof sendSmsV1.request>, ctx: RpcContext): Promise<MessageView> {
    if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'service' && ctx.actor.kind !== 'system') {
      throw new DomainError('AUTH.FORBIDDEN', 'Only staff and the platform send text messages');
    }
    const view = await this.dataSource.transaction((manager) =>
      this.queueSms(manager, { ...input, purpose: 'manual' }, ctx),
    );
    this.listener.nudge();
    return view;
  }

  /** The case's service point, for its signature; none when the case is not found. */
  private async servicePointOf(caseNumber: string, ctx: RpcContext): Promise<string | null> {
    try {
      return (await this.rpc.request(getCaseV1, { number: caseNumber }, ctx)).servicePointId;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') return null;
      throw error;
    }
  }

  /** Queues an e-mail in the caller's transaction; the caller nudges after commit. */
  async queueEmail(manager: EntityManager, input: EmailRequest, ctx: RpcContext): Promise<MessageView> {
    const now = this.now();
    const id = uuidv7();
    const to = input.to.toLowerCase();
    const suppressed = await this.suppressions.active(manager, to, now);
    const row: MessageRow = {
      id,
      channel: 'email',
      purpose: input.purpose,
      case_number: input.caseNumber ?? null,
      recipient: to,
      subject: caseSubject(input.caseNumber, input.subject),
      body_text: input.text,
      body_html: input.html ?? null,
      message_id: input.messageId ?? `<${id}@${this.settings.messageIdDomain}>`,
      dedupe_key: input.dedupeKey ?? null,
      status: suppressed ? 'suppressed' : 'queued',
      attempts: 0,
      reason: suppressed
        ? `SUPPRESSED: ${suppressed.reason === 'bounce' ? 'the address bounced' : 'the address answers automatically'}`
        : null,
      log: [],
      attachments: input.attachments ?? [],
      next_attempt_at: suppressed ? null : now,
      case_entry: input.caseEntry === false ? 'not_wanted' : 'none',
      actor: ctx.actor,
      correlation_id: ctx.correlationId,
      created_at: now,
      sent_at: null,
    };
    const { row: stored, created } = await this.messages.insert(manager, row);
    if (created && suppressed) await Outbox.add(manager, this.deliveryEvent(stored), this.messages.schema);
    return toView(stored);
  }

  /** Queues a text message in the caller's transaction; the caller nudges after commit. */
  async queueSms(manager: EntityManager, input: SmsRequest, ctx: RpcContext): Promise<MessageView> {
    const now = this.now();
    const row: MessageRow = {
      id: uuidv7(),
      channel: 'sms',
      purpose: input.purpose,
      case_number: input.caseNumber ?? null,
      recipient: input.to,
      subject: '',
      body_text: input.text,
      body_html: null,
      message_id: null,
      dedupe_key: input.dedupeKey ?? null,
      status: 'queued',
      attempts: 0,
      reason: null,
      log: [],
      attachments: [],
      next_attempt_at: now,
      case_entry: 'none',
      actor: ctx.actor,
      correlation_id: ctx.correlationId,
      created_at: now,
      sent_at: null,
    };
    return toView((await this.messages.insert(manager, row)).row);
  }

  async listByCase(caseNumber: string, ctx: RpcContext): Promise<{ items: MessageView[] }> {
    if (ctx.actor.kind !== 'staff' && ctx.actor.kind !== 'system') {
      throw new DomainError('AUTH.FORBIDDEN', 'Only staff read a case’s messages');
    }
    // The case in the caller's scope, or CASE.NOT_FOUND: case-core decides who sees the case.
    await this.rpc.request(getCaseV1, { number: caseNumber }, ctx);
    const rows = await this.messages.listByCase(this.dataSource.manager, caseNumber);
    return { items: rows.map(toView) };
  }

  /** Hands due messages to the relay, a batch at a time; true when it did any work. */
  async deliverDue(): Promise<boolean> {
    const handled = await this.dataSource.transaction(async (manager) => {
      const due = await this.messages.claimDue(manager, this.now(), BATCH);
      for (const row of due) await this.attempt(manager, row);
      return due.length;
    });
    if (handled > 0) this.listener.nudge();
    const recorded = await this.recordEntries();
    return handled > 0 || recorded > 0;
  }

  private async attempt(manager: EntityManager, row: MessageRow): Promise<void> {
    const outcome: SendOutcome = await this.send(row);
    const now = this.now();
    const attempts = row.attempts + 1;
    const entry: DeliveryAttempt = {
      attempt: attempts,
      at: now.toISOString(),
      outcome:
        outcome.kind === 'sent' ? 'sent' : outcome.kind === 'temporary' ? 'temporary_failure' : 'permanent_failure',
      detail: outcome.detail,
    };
    const log = [...row.log, entry];
    const givingUp =
      outcome.kind === 'permanent' || (outcome.kind === 'temporary' && attempts >= this.settings.maxAttempts);
    const next: MessageRow = {
      ...row,
      attempts,
      log,
      status: outcome.kind === 'sent' ? 'sent' : givingUp ? 'failed' : 'queued',
      reason:
        outcome.kind === 'sent'
          ? null
          : givingUp && outcome.kind === 'temporary'
            ? `GAVE_UP after ${attempts} attempts: ${outcome.detail}`
            : outcome.detail,
      next_attempt_at:
        outcome.kind === 'temporary' && !givingUp
          ? new Date(now.getTime() + retryDelayMs(attempts, this.settings.retryBaseMs))
          : null,
      sent_at: outcome.kind === 'sent' ? now : null,
      case_entry:
        outcome.kind === 'sent' && row.case_number !== null && row.case_entry === 'none' ? 'pending' : row.case_entry,
    };
    await this.messages.update(manager, row.id, next);
    if (next.status !== 'queued') await Outbox.add(manager, this.deliveryEvent(next), this.messages.schema);
    this.logger.info(
      { messageId: row.id, attempt: attempts, outcome: outcome.kind, status: next.status },
      'Message delivery attempted',
    );
  }

  private async send(row: MessageRow): Promise<SendOutcome> {
    if (row.channel === 'sms') {
      return this.sms
        ? await this.sms.send(row.recipient, row.body_text)
        : { kind: 'permanent', detail: 'SMS.NOT_CONFIGURED: no SMS provider is configured' };
    }
    let attachments: OutboundFile[];
    try {
      attachments = await this.files(row.attachments);
    } catch (error) {
      // A file that is gone will not come back; a store that does not answer may.
      if (error instanceof BlobNotFoundError) {
        return { kind: 'permanent', detail: `ATTACHMENT.MISSING: ${error.key} is not in the blob store` };
      }
      return { kind: 'temporary', detail: `ATTACHMENT.UNREADABLE: ${String(error)}`.slice(0, 2000) };
    }
    return await this.mail.send({
      from: this.settings.from,
      replyTo: this.settings.replyTo,
      to: row.recipient,
      subject: row.subject,
      text: row.body_text,
      html: row.body_html,
      messageId: row.message_id ?? `<${row.id}@${this.settings.messageIdDomain}>`,
      attachments,
    });
  }

  /** The message's files as they go into the mail. */
  private async files(attachments: MailAttachment[]): Promise<OutboundFile[]> {
    const files: OutboundFile[] = [];
    for (const attachment of attachments) {
      if (attachment.kind === 'inline') {
        const base64 = attachment.dataUrl.slice(attachment.dataUrl.indexOf(',') + 1);
        files.push({
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          content: Buffer.from(base64, 'base64'),
          cid: attachment.cid,
        });
      } else {
        files.push({
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          content: await this.blobs.get(attachment.storageKey),
        });
      }
    }
    return files;
  }

  /** Writes sent mail onto its case; a closed or vanished case is skipped, anything else is tried again later. */
  private async recordEntries(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await this.messages.claimPendingEntries(manager, BATCH);
      let done = 0;
      for (const row of pending) {
        try {
          await this.rpc.request(
            addEntryV1,
            row.channel === 'sms'
              ? {
                  number: row.case_number!,
                  kind: 'outbound_sms',
                  text: `Till: ${row.recipient}\n\n${row.body_text}`,
                }
              : {
                  number: row.case_number!,
                  kind: 'outbound_email',
                  text: `Till: ${row.recipient}\nÄmne: ${row.subject}\n\n${row.body_text}`,
                  ...(row.body_html === null ? {} : { html: row.body_html }),
                  ...(row.message_id === null ? {} : { messageId: row.message_id }),
                },
            { actor: entryActor(row.actor), correlationId: row.correlation_id },
          );
          await this.messages.setCaseEntry(manager, row.id, 'recorded');
          done += 1;
        } catch (error) {
          const code = error instanceof DomainError ? error.code : null;
          if (
            code === 'CASE.CLOSED' ||
            code === 'CASE.NOT_FOUND' ||
            code === 'CASE.LOCKED' ||
            code === 'REQUEST.INVALID'
          ) {
            // The mail went out; the subject's case number still threads a reply.
            this.logger.warn({ messageId: row.id, code }, 'Sent mail not written onto its case');
            await this.messages.setCaseEntry(manager, row.id, 'skipped');
            done += 1;
          } else {
            this.logger.warn({ err: error, messageId: row.id }, 'Writing sent mail onto its case failed; retrying');
          }
        }
      }
      return done;
    });
  }

  private deliveryEvent(row: MessageRow) {
    const data = {
      id: row.id,
      channel: row.channel as 'email' | 'sms',
      status: row.status as 'sent' | 'failed' | 'suppressed',
      caseNumber: row.case_number,
      recipient: row.recipient,
      messageId: row.message_id,
      attempts: row.attempts,
      reason: row.reason,
    };
    const meta = { actor: row.actor, correlationId: row.correlation_id };
    return row.status === 'sent'
      ? createEnvelope(messageSentV1, data, meta)
      : createEnvelope(messageFailedV1, data, meta);
  }
}

/** Staff write their own mail onto the case; the platform's mail (reminders, notices) is the system's. */
function entryActor(actor: Actor): Actor {
  return actor.kind === 'staff' ? actor : { kind: 'system', id: 'notifications', name: 'Ärende', roles: [] };
}
