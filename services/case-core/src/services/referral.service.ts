import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type EntryView,
  type ReferralView,
  type SendReferralRequestV1,
  referralAnsweredV1,
  referralSentV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { ReferralRepository, ReferralRow } from '../repositories/referral.repository.js';
import type { ThreadKeyRepository } from '../repositories/thread-key.repository.js';
import type { AddEntryInput } from './entry-rules.js';
import type { EntryService } from './entry.service.js';
import { type CommitListener, type RequestContext, assertEditable } from './case.service.js';
import { accessScope } from './access-scope.js';
import { assertMayChange, auditSecretReads, caseNotFound } from './secret-reads.js';

export interface ReferralOptions {
  /** Reply-by when the sender gives none. */
  replyDays: number;
  /** Domain of the referral mails' Message-IDs. */
  messageIdDomain: string;
  /** Bytes of attachments one referral sends, together. */
  maxAttachmentBytes: number;
}

/** An inbound mail that may answer a referral: where it points, and the entry it becomes. */
export interface ReferralReply {
  /** In-Reply-To and References, lower-cased. */
  messageIds: string[];
  /** Referral numbers in its subject. */
  referralNumbers: string[];
  entry: Omit<AddEntryInput, 'number' | 'kind'> & { from: string };
  /** Thread keys of the mail (its own Message-ID). */
  keys: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Referrals (remisser): a case sent to an outside party with a message, attachments from the case and a
 * reply-by date; numbered per case (2026-000123-R1, R2, …). Sending writes a referral entry and publishes
 * case.evt.referral-sent.v1 (notifications mails it; the SLA watcher reminds). An answer threads back by the
 * referral's Message-ID or its number in the subject and becomes a referral_answer entry.
 */
export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly referrals: ReferralRepository,
    private readonly entries: EntryService,
    private readonly threads: ThreadKeyRepository,
    private readonly listener: CommitListener,
    private readonly options: ReferralOptions,
  ) {}

  async send(input: z.output<typeof SendReferralRequestV1>, ctx: RequestContext): Promise<ReferralView> {
    const now = new Date();
    const replyBy =
      input.replyBy === undefined ? new Date(now.getTime() + this.options.replyDays * DAY_MS) : new Date(input.replyBy);
    if (replyBy.getTime() <= now.getTime()) {
      throw new DomainError('REQUEST.INVALID', 'The reply-by date must be in the future', {
        fields: [{ path: 'replyBy', message: 'Must be in the future' }],
      });
    }
    const scope = accessScope(ctx.actor);
    const view = await this.dataSource.transaction(async (manager) => {
      const row = await this.cases.findByNumberForUpdate(manager, scope, input.number);
      if (!row) throw caseNotFound(input.number);
      assertMayChange(scope);
      assertEditable(row, ctx.actor, input.version);
      await auditSecretReads(this.cases, ctx, 'referral.send', [row], manager);
      const ids = [...new Set(input.attachmentIds)];
      const attachments = await this.referrals.attachmentsOnCase(manager, row.id, ids);
      if (attachments.length !== ids.length) {
        const found = new Set(attachments.map((a) => a.id));
        throw new DomainError('REFERRAL.ATTACHMENT_UNKNOWN', 'Some attachments are not on this case', {
          missing: ids.filter((id) => !found.has(id)),
        });
      }
      const totalBytes = attachments.reduce((sum, a) => sum + a.size, 0);
      if (totalBytes > this.options.maxAttachmentBytes) {
        throw new DomainError(
          'REQUEST.TOO_LARGE',
          `The attachments are ${totalBytes} bytes together; a referral sends at most ${this.options.maxAttachmentBytes}`,
          { totalBytes, maxBytes: this.options.maxAttachmentBytes },
        );
      }
      const seq = await this.referrals.nextSeq(manager, row.id);
      const id = uuidv7();
      const referralNumber = `${row.number}-R${seq}`;
      const recipient = input.to.name ? `${input.to.name} <${input.to.email}>` : input.to.email;
      const entry = await this.entries.addWithin(
        manager,
        row,
        {
          number: row.number,
          kind: 'referral',
          text: `Remiss ${referralNumber} till ${recipient}, svar senast ${replyBy.toISOString().slice(0, 10)}.\n\n${input.message}`,
          attachments,
        },
        ctx,
        now,
      );
      await this.referrals.insert(manager, {
        id,
        case_id: row.id,
        seq,
        referral_number: referralNumber,
        recipient_email: input.to.email,
        recipient_name: input.to.name,
        message: input.message,
        attachments,
        reply_by: replyBy,
        message_id: `<referral.${id}@${this.options.messageIdDomain}>`,
        entry_id: entry.id,
        sent_at: now,
        sent_by_id: ctx.actor.id,
        sent_by_name: ctx.actor.name ?? null,
      });
      const stored = await this.referrals.findById(manager, id);
      const referral = toReferralView(stored!);
      await this.cases.insertEventLog(manager, [
        {
          caseId: row.id,
          kind: 'referral-sent',
          actor: ctx.actor,
          occurredAt: now,
          changes: { referral: { before: null, after: { number: referralNumber, to: input.to.email } } },
        },
      ]);
      const { answers: _answers, ...sent } = referral;
      await Outbox.add(
        manager,
        createEnvelope(referralSentV1, { ...sent, caseTitle: row.title, inboxId: row.inbox_id }, ctx),
      );
      return referral;
    });
    this.listener.nudge();
    return view;
  }

  async list(number: string, ctx: RequestContext): Promise<{ items: ReferralView[] }> {
    const row = await this.cases.findByNumber(accessScope(ctx.actor), number);
    if (!row) throw caseNotFound(number);
    await auditSecretReads(this.cases, ctx, 'referrals.list', [row]);
    return { items: (await this.referrals.listByCase(row.id)).map(toReferralView) };
  }

  /**
   * Inside the intake consumer's transaction: if the mail answers a referral, writes it as a referral_answer
   * entry linked to the referral, marks the referral answered, warns the handler and publishes
   * case.evt.referral-answered.v1. Returns the case and referral numbers, or null when it answers none.
   */
  async answerWithin(
    manager: EntityManager,
    reply: ReferralReply,
    ctx: RequestContext,
  ): Promise<{ number: string; referralNumber: string } | null> {
    const referral = await this.referrals.findAnswered(manager, reply.messageIds, reply.referralNumbers);
    if (!referral) return null;
    const row = await this.cases.findByIdForUpdate(manager, referral.case_id);
    if (!row) return null;
    const now = new Date();
    const entry: EntryView = await this.entries.addWithin(
      manager,
      row,
      { ...reply.entry, number: row.number, kind: 'referral_answer' },
      ctx,
      now,
    );
    await this.referrals.insertAnswer(manager, referral.id, entry.id, reply.entry.from, now);
    const updated = await this.cases.setWithoutVersion(manager, row.id, { customer_replied_at: now });
    await this.threads.add(manager, row.id, reply.keys, now);
    await this.cases.insertEventLog(manager, [
      {
        caseId: row.id,
        kind: 'referral-answered',
        actor: ctx.actor,
        occurredAt: now,
        changes: { referral: { before: null, after: { number: referral.referral_number, entryId: entry.id } } },
      },
    ]);
    await Outbox.add(
      manager,
      createEnvelope(
        referralAnsweredV1,
        {
          referralId: referral.id,
          referralNumber: referral.referral_number,
          caseId: row.id,
          number: row.number,
          inboxId: updated.inbox_id,
          assigneeId: updated.assignee_id,
          entryId: entry.id,
          from: reply.entry.from,
          receivedAt: now.toISOString(),
          first: referral.answered_at === null,
        },
        ctx,
      ),
    );
    return { number: row.number, referralNumber: referral.referral_number };
  }
}

function toReferralView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    referralNumber: row.referral_number,
    to: { email: row.recipient_email, name: row.recipient_name },
    message: row.message,
    attachments: row.attachments,
    replyBy: row.reply_by.toISOString(),
    messageId: row.message_id,
    entryId: row.entry_id,
    sentAt: row.sent_at.toISOString(),
    sentBy: { id: row.sent_by_id, name: row.sent_by_name },
    status: row.answered_at === null ? 'sent' : 'answered',
    answeredAt: row.answered_at?.toISOString() ?? null,
    answers: row.answers,
  };
}
