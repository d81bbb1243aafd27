import type { EntityManager } from 'typeorm';
import {
  type CaseChannel,
  ENTRY_ATTACHMENTS_MAX,
  ENTRY_HTML_MAX,
  ENTRY_TEXT_MAX,
  type EmailReceivedV1Data,
  type EntryAttachment,
  type FormSubmittedV1Data,
  type IntakeFile,
  type MatchInput,
  RegisterCaseRequestV1,
  type SmsReceivedV1Data,
  type SocialMessageReceivedV1Data,
  caseRelatedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import { uuidv5 } from './uuid-v5.js';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import type { ThreadKeyRepository } from '../repositories/thread-key.repository.js';
import type { CaseRegistration, CaseService, RequestContext } from '../services/case.service.js';
import type { ReferralService } from '../services/referral.service.js';
import type { IntakeRegistrationService } from './intake-registration.service.js';
import type { EntryService } from '../services/entry.service.js';
import type { AddEntryInput } from '../services/entry-rules.js';
import { SYSTEM_SCOPE } from '../services/access-scope.js';
import { caseNumbersInSubject, referralNumbersInSubject, threadKey, titleFromText } from './thread-keys.js';

export interface IntakeCaseOptions {
  /** A customer's reply within this many days of closing reopens the case; later it opens a child case. */
  reopenWindowDays: number;
}

/** What became of one inbound message. */
export type IntakeCaseOutcome =
  | { kind: 'registered'; number: string }
  | { kind: 'entry'; number: string }
  | { kind: 'reopened'; number: string }
  | { kind: 'child'; number: string; parentNumber: string }
  | { kind: 'referral-answer'; number: string; referralNumber: string }
  | { kind: 'ignored'; reason: 'auto-reply without thread' | 'bounce without thread' };

interface Delivery {
  /** The entry to write, without its case number. */
  entry: Omit<AddEntryInput, 'number'>;
  /** Keys that name this message's thread from now on. */
  keys: string[];
  /** Auto-replies and bounces join a thread but never reopen a case or warn its handler. */
  quiet: boolean;
  /** Registration of a new case, when no thread is found (or the thread's case is closed for good). */
  registration: CaseRegistration;
  /** What routing matches a template on, asked only when a new case is registered. */
  match: MatchInput;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DESCRIPTION_MAX = 20_000;
const TITLE_MAX = 300;
const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;.*)?$/;
// Attachment ids are derived from the blob key, so a replayed event writes the same ids.
const ATTACHMENT_NAMESPACE = '4f9d3a52-8d0e-4c1b-9a57-2c1c8a7e5b10';

/**
 * Turns intake's events into cases and entries: threads a message onto its case (by Message-ID, case number
 * in the subject, sender number, social sender or post), reopens a recently closed case, opens a child case
 * for one closed long ago, and registers a new case otherwise. Runs inside the consumer's transaction, so
 * the case, its entry, the thread keys and the events commit together with the processed-message mark.
 */
export class IntakeCaseService {
  constructor(
    private readonly cases: CaseService,
    private readonly caseRows: CaseRepository,
    private readonly entries: EntryService,
    private readonly threads: ThreadKeyRepository,
    private readonly options: IntakeCaseOptions,
    private readonly logger: StructuredLogger,
    private readonly registrations: IntakeRegistrationService,
    private readonly referrals: Pick<ReferralService, 'answerWithin'>,
  ) {}

  async email(manager: EntityManager, data: EmailReceivedV1Data, ctx: RequestContext): Promise<IntakeCaseOutcome> {
    const sender = data.from[0]?.address ?? data.envelope.mailFrom ?? 'okänd avsändare';
    const replyTo = [data.inReplyTo, ...data.references].filter((id): id is string => !!id).map(threadKey.email);
    const attachments = emailAttachments(data);

    if (data.bounce) {
      const row =
        (await this.threads.findCaseForUpdate(manager, data.bouncedMessageIds.map(threadKey.email), false)) ??
        (await this.threads.findCaseForUpdate(manager, replyTo, false)) ??
        (await this.bySubject(manager, data.subject));
      if (!row) return { kind: 'ignored', reason: 'bounce without thread' };
      const text = `Ett meddelande kunde inte levereras (studs från ${sender}).\n\n${bodyText(data)}`;
      await this.entries.addWithin(
        manager,
        row,
        { number: row.number, kind: 'system_event', text: text.slice(0, ENTRY_TEXT_MAX), attachments },
        ctx,
      );
      await this.threads.add(manager, row.id, [threadKey.email(data.messageId)], new Date());
      return { kind: 'entry', number: row.number };
    }

    const text = bodyText(data);
    const html = data.html?.inline ?? undefined;
    const body = {
      from: sender.slice(0, 320),
      text: text.slice(0, ENTRY_TEXT_MAX),
      html: html !== undefined && html.length <= ENTRY_HTML_MAX ? html : undefined,
      attachments,
    };
    const keys = [threadKey.email(data.messageId)];
    if (!data.autoReply) {
      // A referral's answer names the referral (its Message-ID, or its number in the subject), not the case.
      const answered = await this.referrals.answerWithin(
        manager,
        {
          messageIds: [data.inReplyTo, ...data.references]
            .filter((id): id is string => !!id)
            .map((id) => id.trim().toLowerCase()),
          referralNumbers: referralNumbersInSubject(data.subject),
          entry: body,
          keys,
        },
        ctx,
      );
      if (answered) return { kind: 'referral-answer', ...answered };
    }
    const row =
      (await this.threads.findCaseForUpdate(manager, replyTo, false)) ?? (await this.bySubject(manager, data.subject));
    if (!row && data.autoReply) return { kind: 'ignored', reason: 'auto-reply without thread' };
    const recipients = [...data.to, ...data.cc].map((a) => a.address).concat(data.envelope.rcptTo);
    return this.deliver(manager, row, ctx, {
      entry: { kind: 'inbound_email', ...body },
      keys,
      quiet: data.autoReply,
      registration: this.registration('email', data.subject.trim() || '(Inget ämne)', text),
      match: {
        channel: 'email',
        subject: data.subject,
        body: data.text.inline ?? '',
        from: sender,
        to: [...new Set(recipients.map((r) => r.toLowerCase()))],
      },
    });
  }

  async sms(manager: EntityManager, data: SmsReceivedV1Data, ctx: RequestContext): Promise<IntakeCaseOutcome> {
    const key = threadKey.sms(data.from);
    const row = await this.threads.findCaseForUpdate(manager, [key], true);
    return this.deliver(manager, row, ctx, {
      entry: {
        kind: 'inbound_sms',
        from: data.from,
        text: data.text.slice(0, ENTRY_TEXT_MAX),
        attachments: data.attachments.map(fileAttachment),
      },
      keys: [key],
      quiet: false,
      registration: this.registration('sms', titleFromText(data.text, `SMS från ${data.from}`), data.text),
      match: { channel: 'sms', body: data.text, from: data.from, to: [data.to] },
    });
  }

  async social(
    manager: EntityManager,
    data: SocialMessageReceivedV1Data,
    ctx: RequestContext,
  ): Promise<IntakeCaseOutcome> {
    // A private message threads onto the sender's open case; a comment onto its post's case, open or closed
    // (a closed one is reopened within the window, else the comment opens a child case).
    const comment = data.kind === 'comment' && data.postId !== null;
    const key = comment ? threadKey.facebookPost(data.postId!) : threadKey.facebookSender(data.pageId, data.senderId);
    const row = await this.threads.findCaseForUpdate(manager, [key], !comment);
    const who = data.senderName ?? data.senderId;
    const links = data.attachmentUrls.length > 0 ? `\n\n${data.attachmentUrls.join('\n')}` : '';
    const text = `${data.text}${links}`;
    const fallback = comment ? `Kommentar på Facebook från ${who}` : `Meddelande på Facebook från ${who}`;
    return this.deliver(manager, row, ctx, {
      entry: { kind: 'inbound_social', from: who.slice(0, 320), text: text.slice(0, ENTRY_TEXT_MAX), attachments: [] },
      keys: [key],
      quiet: false,
      registration: this.registration('facebook', titleFromText(data.text, fallback), text),
      match: { channel: 'facebook', body: data.text, from: who },
    });
  }

  async form(manager: EntityManager, data: FormSubmittedV1Data, ctx: RequestContext): Promise<IntakeCaseOutcome> {
    const lines = data.fields.map((field) => `${field.label || field.name}: ${field.value}`);
    const contact = [data.contact.name, data.contact.email, data.contact.phone].filter(Boolean).join(', ');
    if (contact) lines.push(`Kontakt: ${contact}`);
    if (data.position) {
      lines.push(`Position: ${data.position.lat.toFixed(6)}, ${data.position.lon.toFixed(6)}`);
    }
    const text = lines.join('\n');
    const registration = this.registration('web_form', data.title?.trim() || `Webbformulär ${data.formId}`, text);
    registration.customerWantsAnswer = data.customerWantsAnswer;
    // The sender's position (from the form's map or the browser) is where the case is, on its map too.
    if (data.position) registration.location = { type: 'Point', coordinates: [data.position.lon, data.position.lat] };
    return this.deliver(manager, null, ctx, {
      entry: {
        kind: 'inbound_web',
        from: (data.contact.email ?? data.contact.phone ?? data.contact.name ?? 'webbformulär').slice(0, 320),
        text: text.slice(0, ENTRY_TEXT_MAX),
        attachments: data.attachments.map(fileAttachment),
      },
      keys: [],
      quiet: false,
      registration,
      match: {
        channel: 'web_form',
        subject: registration.title,
        body: text,
        from: data.contact.email ?? data.contact.phone ?? '',
        to: [data.formId],
      },
    });
  }

  private async deliver(
    manager: EntityManager,
    row: CaseRow | null,
    ctx: RequestContext,
    delivery: Delivery,
  ): Promise<IntakeCaseOutcome> {
    const now = new Date();
    if (row === null) {
      const view = await this.registrations.register(manager, delivery.registration, delivery.match, ctx, now);
      await this.entries.addWithin(manager, view, { ...delivery.entry, number: view.number }, ctx, now);
      await this.threads.add(manager, view.id, delivery.keys, now);
      return { kind: 'registered', number: view.number };
    }

    let target = row;
    let outcome: IntakeCaseOutcome = { kind: 'entry', number: row.number };
    const finished = row.status === 'closed' || row.status === 'resolved';
    if (finished && !delivery.quiet) {
      const closedLongAgo =
        row.status === 'closed' &&
        row.closed_at !== null &&
        now.getTime() - row.closed_at.getTime() > this.options.reopenWindowDays * DAY_MS;
      if (closedLongAgo) return this.registerChild(manager, row, ctx, delivery, now);
      target = await this.cases.reopenWithin(manager, row, 'Kunden svarade', ctx);
      outcome = { kind: 'reopened', number: row.number };
    }
    await this.entries.addWithin(manager, target, { ...delivery.entry, number: target.number }, ctx, now);
    if (!delivery.quiet) await this.caseRows.setWithoutVersion(manager, target.id, { customer_replied_at: now });
    await this.threads.add(manager, target.id, delivery.keys, now);
    return outcome;
  }

  /** A message on a case closed before the reopen window: a new case under the old one (or under its master). */
  private async registerChild(
    manager: EntityManager,
    closed: CaseRow,
    ctx: RequestContext,
    delivery: Delivery,
    now: Date,
  ): Promise<IntakeCaseOutcome> {
    const master =
      closed.parent_case_id === null
        ? closed
        : ((await this.caseRows.findByIdForUpdate(manager, closed.parent_case_id)) ?? closed);
    const view = await this.registrations.register(manager, delivery.registration, delivery.match, ctx, now);
    const child = await this.caseRows.setWithoutVersion(manager, view.id, { parent_case_id: master.id });
    await this.entries.addWithin(manager, child, { ...delivery.entry, number: child.number }, ctx, now);
    await this.threads.add(manager, child.id, delivery.keys, now);
    const change = { masterId: master.id, masterNumber: master.number, previousMasterNumber: null };
    await Outbox.add(
      manager,
      createEnvelope(
        caseRelatedV1,
        { caseId: child.id, number: child.number, version: child.version, role: 'child', childNumbers: [], ...change },
        ctx,
      ),
    );
    await Outbox.add(
      manager,
      createEnvelope(
        caseRelatedV1,
        {
          caseId: master.id,
          number: master.number,
          version: master.version,
          role: 'master',
          childNumbers: [child.number],
          ...change,
        },
        ctx,
      ),
    );
    await this.caseRows.insertEventLog(manager, [
      {
        caseId: child.id,
        kind: 'related',
        actor: ctx.actor,
        occurredAt: now,
        changes: { master: { before: null, after: master.number } },
      },
      {
        caseId: master.id,
        kind: 'related',
        actor: ctx.actor,
        occurredAt: now,
        changes: { children: { before: null, after: [child.number] } },
      },
    ]);
    this.logger.info(
      { number: child.number, master: master.number },
      'Message on a long-closed case opened a child case',
    );
    return { kind: 'child', number: child.number, parentNumber: master.number };
  }

  private async bySubject(manager: EntityManager, subject: string): Promise<CaseRow | null> {
    for (const number of caseNumbersInSubject(subject)) {
      const row = await this.caseRows.findByNumberForUpdate(manager, SYSTEM_SCOPE, number);
      if (row) return row;
    }
    return null;
  }

  /** No inbox here: the template's, else the default inbox (intake-registration.service.ts). */
  private registration(channel: CaseChannel, title: string, text: string): CaseRegistration {
    const registration: CaseRegistration = RegisterCaseRequestV1.parse({
      title: title.trim().slice(0, TITLE_MAX) || '(Inget ämne)',
      description: text.trim().slice(0, DESCRIPTION_MAX),
      channel,
      customerWantsAnswer: true,
    });
    return registration;
  }
}

function bodyText(data: EmailReceivedV1Data): string {
  if (data.text.inline !== null) return data.text.inline;
  return '(Meddelandet är för långt för att visas här; hela texten finns i bilagan meddelande.txt.)';
}

/** The mail's attachments, its over-long bodies and the raw message, within the entry's limit. */
function emailAttachments(data: EmailReceivedV1Data): EntryAttachment[] {
  const files: IntakeFile[] = data.attachments.map((a) => ({ ...a }));
  if (data.text.inline === null && data.text.blobKey) {
    files.push({
      filename: 'meddelande.txt',
      contentType: 'text/plain; charset=utf-8',
      size: data.text.size,
      blobKey: data.text.blobKey,
    });
  }
  if (data.html && data.html.inline === null && data.html.blobKey) {
    files.push({
      filename: 'meddelande.html',
      contentType: 'text/html; charset=utf-8',
      size: data.html.size,
      blobKey: data.html.blobKey,
    });
  }
  const kept = files.slice(0, ENTRY_ATTACHMENTS_MAX - 1);
  kept.push({ filename: 'original.eml', contentType: 'message/rfc822', size: data.rawSize, blobKey: data.rawBlobKey });
  return kept.map(fileAttachment);
}

function fileAttachment(file: IntakeFile, index: number): EntryAttachment {
  return {
    id: uuidv5(file.blobKey, ATTACHMENT_NAMESPACE),
    fileName: (file.filename?.trim() || `bilaga-${index + 1}`).slice(0, 255),
    contentType: MIME_TYPE.test(file.contentType) ? file.contentType : 'application/octet-stream',
    size: file.size,
    storageKey: file.blobKey,
  };
}
