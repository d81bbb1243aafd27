import { createHash } from 'node:crypto';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { DataSource } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import {
  type EmailReceivedV1Data,
  type EventEnvelope,
  INTAKE_INLINE_BODY_LIMIT,
  SYSTEM_ACTOR,
  emailReceivedV1,
} from '@arende/contracts';
import { createEnvelope, outboxRowParams } from '@arende/messaging';
import { quoteIdent, type StructuredLogger } from '@arende/persistence';
import type { BlobStore } from '@arende/blobs';
import { QuarantineRepository, quarantineReason } from '../quarantine/quarantine.repository.js';
import type { QuarantinedOrigin, ReprocessOutcome } from '../quarantine/reprocessor.js';
import { isAutoReply, isBounce } from './classify.js';
import { relabelMislabelledUtf8 } from './mislabelled-charset.js';
import { htmlToText, sanitizeHtml } from '@arende/html';

/** What the SMTP transaction told us about a message, beside its content. */
export interface SmtpEnvelope {
  mailFrom: string | null;
  rcptTo: string[];
  remoteAddress: string;
  clientHostname: string;
  heloName: string | null;
}

export type IntakeOutcome =
  | { kind: 'accepted'; intakeId: string; messageId: string }
  | { kind: 'duplicate'; messageId: string }
  | { kind: 'quarantined'; intakeId: string; reason: string };

export interface Nudger {
  nudge(): void;
}

type Address = { address: string; name: string };

interface IngestContext {
  raw: Buffer;
  intakeId: string;
  prefix: string;
  rawBlobKey: string;
  envelope: SmtpEnvelope;
  receivedAt: Date;
  source: 'smtp' | 'imap';
}

const RAW_SUFFIX = '/raw.eml';

/** The envelope a quarantined e-mail was kept with (`receive` adds how it arrived). */
const KeptEnvelopeSchema = emailReceivedV1.data.shape.envelope.extend({
  source: z.enum(['smtp', 'imap']).default('smtp'),
});

/**
 * Turns one raw message into stored blobs, an `inbound_message` row and an `intake.evt.email-received.v1`
 * event, the row and the event in one transaction. Throws only on a temporary failure (blob store or
 * database): the SMTP client then gets 451 and delivers again.
 */
export class IntakeService {
  private readonly schema: string;
  private readonly quarantine: QuarantineRepository;
  private readonly storeSql: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
    private readonly relay: Nudger,
    private readonly logger: StructuredLogger,
    schema: string,
  ) {
    this.schema = quoteIdent(schema);
    this.quarantine = new QuarantineRepository(dataSource, schema);
    this.storeSql = `WITH inserted AS (
        INSERT INTO ${this.schema}.inbound_message
          (id, message_id, raw_blob_key, from_address, rcpt_to, auto_reply, bounce, received_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (message_id) DO NOTHING RETURNING id)
      INSERT INTO ${this.schema}.outbox (id, subject, payload) SELECT $9, $10, $11 FROM inserted RETURNING id`;
  }

  /** `source` says how the message arrived: the SMTP listener, or IMAP polling (then the envelope describes the mailbox). */
  async receive(raw: Buffer, envelope: SmtpEnvelope, source: 'smtp' | 'imap' = 'smtp'): Promise<IntakeOutcome> {
    const receivedAt = new Date();
    const intakeId = uuidv7();
    const prefix = blobPrefix(receivedAt, intakeId);
    const rawBlobKey = `${prefix}${RAW_SUFFIX}`;
    await this.blobs.put(rawBlobKey, raw, 'message/rfc822');

    const ctx = { raw, intakeId, prefix, rawBlobKey, envelope, receivedAt, source };
    const parsed = await this.parse(ctx);
    if (!parsed.ok) {
      await this.quarantine.add({
        id: intakeId,
        channel: 'email',
        rawBlobKey,
        rawSize: raw.length,
        reason: parsed.reason,
        envelope: { ...envelope, source },
        receivedAt,
      });
      this.logger.warn({ intakeId, rawBlobKey }, 'Message quarantined');
      return { kind: 'quarantined', intakeId, reason: parsed.reason };
    }
    return this.store(parsed.event, ctx);
  }

  /**
   * Runs a quarantined message through parse and store again, under its quarantine id and raw blob, and
   * returns the outcome instead of quarantining it again (the caller updates the quarantine row).
   */
  async reprocess(raw: Buffer, kept: Record<string, unknown>, origin: QuarantinedOrigin): Promise<ReprocessOutcome> {
    const envelope = KeptEnvelopeSchema.safeParse(kept);
    if (!envelope.success) return { kind: 'quarantined', reason: quarantineReason(envelope.error) };
    const { source, ...smtp } = envelope.data;
    const prefix = origin.rawBlobKey.endsWith(RAW_SUFFIX)
      ? origin.rawBlobKey.slice(0, -RAW_SUFFIX.length)
      : blobPrefix(origin.receivedAt, origin.id);
    const ctx = {
      raw,
      intakeId: origin.id,
      prefix,
      rawBlobKey: origin.rawBlobKey,
      envelope: smtp,
      receivedAt: origin.receivedAt,
      source,
    };
    const parsed = await this.parse(ctx);
    if (!parsed.ok) return { kind: 'quarantined', reason: parsed.reason };
    const outcome = await this.store(parsed.event, ctx);
    return { kind: outcome.kind === 'duplicate' ? 'duplicate' : 'accepted' };
  }

  /**
   * Parses the raw message into its event (validated once, by the envelope); a message mailparser or the
   * contract refuses gives its reason.
   */
  private async parse(
    ctx: IngestContext,
  ): Promise<{ ok: true; event: EventEnvelope<EmailReceivedV1Data> } | { ok: false; reason: string }> {
    try {
      const options = { skipImageLinks: true, skipTextToHtml: true };
      let parsed = await simpleParser(ctx.raw, options);
      if (parsed.text?.includes('\uFFFD')) {
        const relabelled = relabelMislabelledUtf8(ctx.raw);
        if (relabelled) parsed = await simpleParser(relabelled, options);
      }
      const data = await this.describe(parsed, ctx);
      return {
        ok: true,
        event: createEnvelope(emailReceivedV1, data, { actor: SYSTEM_ACTOR, correlationId: ctx.intakeId }),
      };
    } catch (error) {
      return { ok: false, reason: quarantineReason(error) };
    }
  }

  /**
   * The inbound row and, only when it is new, its event: one statement instead of BEGIN/INSERT/INSERT/COMMIT.
   * A Message-ID seen before is a duplicate.
   */
  private async store(event: EventEnvelope<EmailReceivedV1Data>, ctx: IngestContext): Promise<IntakeOutcome> {
    const { data } = event;
    const rows = await this.dataSource.query<{ id: string }[]>(this.storeSql, [
      ctx.intakeId,
      data.messageId,
      ctx.rawBlobKey,
      data.from[0]?.address ?? null,
      ctx.envelope.rcptTo,
      data.autoReply,
      data.bounce,
      ctx.receivedAt,
      ...outboxRowParams(event),
    ]);
    if (rows.length === 0) {
      this.logger.info({ messageId: data.messageId }, 'Duplicate delivery ignored');
      return { kind: 'duplicate', messageId: data.messageId };
    }
    this.relay.nudge();
    return { kind: 'accepted', intakeId: ctx.intakeId, messageId: data.messageId };
  }

  private async describe(parsed: ParsedMail, ctx: IngestContext): Promise<EmailReceivedV1Data> {
    const header = (name: string): string | undefined => {
      const value = parsed.headers.get(name);
      if (value === undefined) return undefined;
      if (typeof value === 'string') return value;
      if (typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
      return JSON.stringify(value);
    };
    const contentType = header('content-type') ?? 'text/plain';
    const subject = parsed.subject ?? '';

    const attachments = [];
    for (const [index, attachment] of parsed.attachments.entries()) {
      const blobKey = `${ctx.prefix}/att-${index}`;
      await this.blobs.put(blobKey, attachment.content, attachment.contentType);
      attachments.push({
        filename: attachment.filename ?? null,
        contentType: attachment.contentType,
        size: attachment.size,
        contentId: attachment.contentId ?? null,
        inline: attachment.contentDisposition === 'inline' || attachment.related === true,
        blobKey,
      });
    }

    const html = typeof parsed.html === 'string' ? sanitizeHtml(parsed.html) : null;
    // For HTML-only mail the text is ours (from the sanitised HTML), not mailparser's, which keeps link targets.
    const htmlOnly = contentType.trim().toLowerCase().startsWith('text/html');
    const text = (htmlOnly || parsed.text === undefined ? htmlToText(html ?? '') : parsed.text).trimEnd();
    const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : ctx.receivedAt;

    const bounce = isBounce({ header, subject, contentType });
    return {
      intakeId: ctx.intakeId,
      source: ctx.source,
      // Without a Message-ID the content's hash stands in, so a repeated delivery is still applied once.
      messageId: parsed.messageId ?? `<sha256-${createHash('sha256').update(ctx.raw).digest('hex')}@intake.arende>`,
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      subject,
      date: date.toISOString(),
      inReplyTo: parsed.inReplyTo ?? null,
      references: typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []),
      text: await this.body(text, `${ctx.prefix}/body.txt`, 'text/plain; charset=utf-8'),
      html: html === null ? null : await this.body(html, `${ctx.prefix}/body.html`, 'text/html; charset=utf-8'),
      attachments,
      rawBlobKey: ctx.rawBlobKey,
      rawSize: ctx.raw.length,
      autoReply: isAutoReply({ header, subject, contentType }),
      bounce,
      bouncedMessageIds: bounce ? returnedMessageIds(parsed) : [],
      envelope: ctx.envelope,
      authenticationResults: parsed.headerLines
        .filter((line) => line.key === 'authentication-results')
        .map((line) => line.line.replace(/^authentication-results:\s*/i, '').replace(/\r?\n\s+/g, ' ')),
      receivedAt: ctx.receivedAt.toISOString(),
    };
  }

  private async body(
    content: string,
    blobKey: string,
    contentType: string,
  ): Promise<{ inline: string | null; blobKey: string | null; size: number }> {
    const size = Buffer.byteLength(content);
    if (content.length <= INTAKE_INLINE_BODY_LIMIT) return { inline: content, blobKey: null, size };
    await this.blobs.put(blobKey, Buffer.from(content), contentType);
    return { inline: null, blobKey, size };
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): Address[] {
  if (value === undefined) return [];
  const objects = Array.isArray(value) ? value : [value];
  const result: Address[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      if (entry.address) result.push({ address: entry.address, name: entry.name });
      // A group ("undisclosed-recipients:;") lists its members.
      for (const member of entry.group ?? []) {
        if (member.address) result.push({ address: member.address, name: member.name });
      }
    }
  }
  return result;
}

const RETURNED_HEADER_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers']);

/** The Message-IDs of the returned message (or its headers) inside a bounce. */
function returnedMessageIds(parsed: ParsedMail): string[] {
  const ids = new Set<string>();
  for (const attachment of parsed.attachments) {
    if (!RETURNED_HEADER_TYPES.has(attachment.contentType.toLowerCase())) continue;
    const headerBlock =
      attachment.content
        .subarray(0, 64 * 1024)
        .toString('utf8')
        .split(/\r?\n\r?\n/)[0] ?? '';
    const match = /^message-id:\s*(<[^>\r\n]+>)/im.exec(headerBlock.replace(/\r?\n[ \t]+/g, ' '));
    if (match) ids.add(match[1]);
  }
  return [...ids].slice(0, 20);
}

function blobPrefix(at: Date, intakeId: string): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '/');
  return `intake/${day}/${intakeId}`;
}
