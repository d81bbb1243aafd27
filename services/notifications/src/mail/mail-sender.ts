import nodemailer, { type Transporter } from 'nodemailer';

/**
 * A file a message is sent with, as its row keeps it: inline (the signature's logo, by Content-ID) or an
 * attachment of the case read from the blob store when the mail is handed over.
 */
export type MailAttachment =
  | { kind: 'inline'; cid: string; fileName: string; contentType: string; dataUrl: string }
  | { kind: 'blob'; fileName: string; contentType: string; size: number; storageKey: string };

/** A file as it goes into the mail. */
export interface OutboundFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** Set for inline images the HTML refers to as `cid:…`. */
  cid?: string;
}

export interface OutboundMail {
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  attachments: OutboundFile[];
}

/** How the relay answered: `sent`, or a failure that may pass (4xx, no connection) or will not (5xx). */
export type SendOutcome = { kind: 'sent' | 'temporary' | 'permanent'; detail: string };

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').slice(0, 2000);

/** Hands mail to the SMTP relay named by a URL (smtp://user:pass@host:port, smtps:// for implicit TLS). */
export class MailSender {
  private readonly transport: Transporter;

  constructor(url: string) {
    const parsed = new URL(url);
    this.transport = nodemailer.createTransport({
      host: parsed.hostname,
      port: parsed.port === '' ? (parsed.protocol === 'smtps:' ? 465 : 25) : Number(parsed.port),
      secure: parsed.protocol === 'smtps:',
      ...(parsed.username
        ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
        : {}),
      // Short limits: a message is attempted while its row is locked, and a slow relay is a temporary failure.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutboundMail): Promise<SendOutcome> {
    try {
      const info = (await this.transport.sendMail({
        from: mail.from,
        replyTo: mail.replyTo,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html === null ? {} : { html: mail.html }),
        messageId: mail.messageId,
        ...(mail.attachments.length === 0
          ? {}
          : {
              attachments: mail.attachments.map((file) => ({
                filename: file.fileName,
                contentType: file.contentType,
                content: file.content,
                ...(file.cid === undefined ? {} : { cid: file.cid, contentDisposition: 'inline' as const }),
              })),
            }),
        // Keeps vacation responders from answering platform mail (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated' },
      })) as { response?: string };
      return { kind: 'sent', detail: oneLine(info.response ?? 'accepted') };
    } catch (error) {
      const e = error as SmtpError;
      const detail = oneLine(e.response ?? e.message ?? String(error));
      if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { kind: 'permanent', detail };
      return { kind: 'temporary', detail: e.code && !detail.includes(e.code) ? `${e.code}: ${detail}` : detail };
    }
  }

  close(): void {
    this.transport.close();
  }
}
