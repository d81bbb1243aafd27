import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  DomainError,
  type MessageLanguage,
  type MessageTemplateView,
  type SignatureScope,
  type SignatureView,
  TEMPLATE_PLACEHOLDERS,
  TEMPLATED_PURPOSES,
  type TemplatedPurpose,
  fillBody,
  fillSubject,
  type putMessageTemplateV1,
  type putSignatureV1,
} from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import type { z } from 'zod';
import type { MailAttachment } from '../mail/mail-sender.js';
import type { MessageTemplateRepository, MessageTemplateRow } from '../repositories/message-template.repository.js';
import type { SignatureRepository, SignatureRow } from '../repositories/signature.repository.js';
import {
  BUILT_IN_TEMPLATES,
  assertKnownPlaceholders,
  assertSafeSignatureHtml,
  escapeHtml,
  parseLogo,
  pickSignature,
} from './message-template.rules.js';

/** Who a mail is sent as: the acting user (null for the platform) and the case's service point. */
export type Sender = SignatureScope;

/** A mail ready to queue: the template filled in and the sender's signature appended. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

const ADMIN_ROLES = ['admin'];
const LOGO_CID = 'signature-logo@arende';

/** The sender of a mail a staff member caused; the platform's own mail has no user signature. */
export function senderOf(actor: Actor, servicePointId: string | null): Sender {
  return { userId: actor.kind === 'staff' ? actor.id : null, servicePointId };
}

/**
 * Administrators' message templates (per purpose and language, the built-in texts standing in for those not
 * stored) and signatures (global, per user, per service point, per both), and composing a mail from them.
 */
export class MessageTemplateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: MessageTemplateRepository,
    private readonly signatures: SignatureRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async listTemplates(ctx: RpcContext): Promise<{ items: MessageTemplateView[] }> {
    assertStaff(ctx.actor);
    const stored = await this.templates.list(this.dataSource.manager);
    const items: MessageTemplateView[] = [];
    for (const purpose of TEMPLATED_PURPOSES) {
      const own = stored.filter((row) => row.purpose === purpose);
      if (!own.some((row) => row.language === 'sv')) items.push(builtInView(purpose));
      items.push(...own.map(templateView));
    }
    return { items };
  }

  async getTemplate(key: { purpose: TemplatedPurpose; language: MessageLanguage }, ctx: RpcContext) {
    assertStaff(ctx.actor);
    const [row] = await this.templates.find(this.dataSource.manager, key.purpose, [key.language]);
    if (row) return templateView(row);
    if (key.language === 'sv') return builtInView(key.purpose);
    throw new DomainError('NOTIFICATIONS.TEMPLATE_NOT_FOUND', `No ${key.language} template for ${key.purpose}`);
  }

  async putTemplate(input: z.output<typeof putMessageTemplateV1.request>, ctx: RpcContext) {
    assertAdmin(ctx.actor, 'change message templates');
    assertKnownPlaceholders(input.purpose, [input.subject, input.body]);
    const row = await this.templates.upsert(this.dataSource.manager, {
      purpose: input.purpose,
      language: input.language,
      subject: input.subject,
      body: input.body,
      updated_at: this.now(),
      updated_by: ctx.actor.id,
    });
    return templateView(row);
  }

  async deleteTemplate(key: { purpose: TemplatedPurpose; language: MessageLanguage }, ctx: RpcContext) {
    assertAdmin(ctx.actor, 'remove message templates');
    return { deleted: await this.templates.delete(this.dataSource.manager, key.purpose, key.language) };
  }

  async listSignatures(ctx: RpcContext): Promise<{ items: SignatureView[] }> {
    assertStaff(ctx.actor);
    return { items: (await this.signatures.list(this.dataSource.manager)).map(signatureView) };
  }

  async getSignature(scope: SignatureScope, ctx: RpcContext): Promise<SignatureView> {
    assertStaff(ctx.actor);
    const row = await this.signatures.get(this.dataSource.manager, scope.userId ?? '', scope.servicePointId ?? '');
    if (!row) throw new DomainError('NOTIFICATIONS.SIGNATURE_NOT_FOUND', 'No signature is stored for that scope');
    return signatureView(row);
  }

  async putSignature(input: z.output<typeof putSignatureV1.request>, ctx: RpcContext): Promise<SignatureView> {
    assertAdmin(ctx.actor, 'change signatures');
    if (input.html !== null) assertSafeSignatureHtml(input.html);
    if (input.logo !== null) parseLogo(input.logo);
    const row = await this.signatures.upsert(this.dataSource.manager, {
      user_id: input.userId ?? '',
      service_point_id: input.servicePointId ?? '',
      text: input.text,
      html: input.html,
      logo: input.logo,
      updated_at: this.now(),
      updated_by: ctx.actor.id,
    });
    return signatureView(row);
  }

  async deleteSignature(scope: SignatureScope, ctx: RpcContext): Promise<{ deleted: boolean }> {
    assertAdmin(ctx.actor, 'remove signatures');
    const deleted = await this.signatures.delete(
      this.dataSource.manager,
      scope.userId ?? '',
      scope.servicePointId ?? '',
    );
    return { deleted };
  }

  /**
   * The mail of a purpose: the stored template of the language (else the Swedish one, else the built-in text)
   * filled with `values`, signed as `sender`.
   */
  async compose(
    manager: EntityManager,
    purpose: TemplatedPurpose,
    values: Record<string, string>,
    sender: Sender,
    language: MessageLanguage = 'sv',
  ): Promise<ComposedMail> {
    const stored = await this.templates.find(manager, purpose, [...new Set([language, 'sv'])]);
    const template =
      stored.find((row) => row.language === language) ??
      stored.find((row) => row.language === 'sv') ??
      BUILT_IN_TEMPLATES[purpose];
    return this.sign(
      manager,
      { subject: fillSubject(template.subject, values), text: fillBody(template.body, values), html: null },
      sender,
    );
  }

  /** Appends the sender's signature (the most specific one stored); unchanged when there is none. */
  async sign(
    manager: EntityManager,
    mail: { subject: string; text: string; html: string | null },
    sender: Sender,
  ): Promise<ComposedMail> {
    const candidates = await this.signatures.candidates(manager, sender.userId ?? '', sender.servicePointId ?? '');
    const signature = pickSignature(candidates.map(withScope), sender);
    if (!signature) return { ...mail, attachments: [] };
    const text = `${mail.text.trimEnd()}\n\n-- \n${signature.text}\n`;
    if (signature.html === null && signature.logo === null && mail.html === null) {
      return { subject: mail.subject, text, html: null, attachments: [] };
    }
    const body = mail.html ?? `<div style="white-space: pre-wrap">${escapeHtml(mail.text.trimEnd())}</div>`;
    const signatureHtml = signature.html ?? `<div style="white-space: pre-wrap">${escapeHtml(signature.text)}</div>`;
    const logo = signature.logo === null ? null : parseLogo(signature.logo);
    const html =
      `${body}\n<div class="signature">-- <br>${signatureHtml}` +
      `${logo ? `<br><img src="cid:${LOGO_CID}" alt="Logotyp">` : ''}</div>`;
    const attachments: MailAttachment[] = logo
      ? [
          {
            kind: 'inline',
            cid: LOGO_CID,
            fileName:
              logo.contentType === 'image/svg+xml'
                ? 'logo.svg'
                : logo.contentType === 'image/png'
                  ? 'logo.png'
                  : 'logo.jpg',
            contentType: logo.contentType,
            dataUrl: signature.logo!,
          },
        ]
      : [];
    return { subject: mail.subject, text, html, attachments };
  }
}

function withScope(row: SignatureRow): SignatureRow & SignatureScope {
  return { ...row, userId: row.user_id || null, servicePointId: row.service_point_id || null };
}

function assertStaff(actor: Actor): void {
  if (actor.kind !== 'staff' && actor.kind !== 'system' && actor.kind !== 'service') {
    throw new DomainError('AUTH.FORBIDDEN', 'Only staff read message templates and signatures');
  }
}

function assertAdmin(actor: Actor, what: string): void {
  if (actor.kind !== 'staff' || !ADMIN_ROLES.some((role) => actor.roles.includes(role))) {
    throw new DomainError('AUTH.FORBIDDEN', `Only administrators may ${what}`);
  }
}

function builtInView(purpose: TemplatedPurpose): MessageTemplateView {
  return {
    purpose,
    language: 'sv',
    ...BUILT_IN_TEMPLATES[purpose],
    placeholders: [...TEMPLATE_PLACEHOLDERS[purpose]],
    builtIn: true,
    updatedAt: null,
    updatedBy: null,
  };
}

function templateView(row: MessageTemplateRow): MessageTemplateView {
  const purpose = row.purpose as TemplatedPurpose;
  return {
    purpose,
    language: row.language as MessageLanguage,
    subject: row.subject,
    body: row.body,
    placeholders: [...TEMPLATE_PLACEHOLDERS[purpose]],
    builtIn: false,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}

function signatureView(row: SignatureRow): SignatureView {
  return {
    userId: row.user_id || null,
    servicePointId: row.service_point_id || null,
    text: row.text,
    html: row.html,
    logo: row.logo,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}
