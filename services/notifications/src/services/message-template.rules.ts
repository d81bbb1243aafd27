import {
  DomainError,
  PLACEHOLDER,
  SIGNATURE_LOGO_MAX_BYTES,
  SIGNATURE_LOGO_TYPES,
  type SignatureScope,
  TEMPLATE_PLACEHOLDERS,
  type TemplatedPurpose,
} from '@arende/contracts';

export interface TemplateText {
  subject: string;
  body: string;
}

/** The platform's own texts: what is sent while an administrator has stored no template of the purpose. */
export const BUILT_IN_TEMPLATES: Record<TemplatedPurpose, TemplateText> = {
  customer_registration: {
    subject: '{title}',
    body:
      'Hej {customerName}!\n\nTack för att du kontaktade oss. Ditt ärende har fått nummer {caseNumber} och har skickats ' +
      'vidare till den som ska hantera det.{feedbackLine}\n\nAnge ärendenumret om du kontaktar oss igen.{portalLine}\n',
  },
  customer_distribution: {
    subject: '{title}',
    body: 'Hej {customerName}!\n\n{message}\n\nÄrende {caseNumber}: {title}{portalLine}\n',
  },
  customer_close: {
    subject: '{title}',
    body:
      'Hej {customerName}!\n\nDitt ärende {caseNumber} är nu avslutat.\n\n{solution}\n\nSvara på det här ' +
      'meddelandet om du har frågor.{portalLine}\n',
  },
  distribution_external: {
    subject: '{title}',
    body: 'Ärendet skickas till er för handläggning.\n\n{note}\n\n{details}\n',
  },
  distribution_information: { subject: '{title}', body: 'För kännedom.\n\n{note}\n\n{details}\n' },
  referral: {
    subject: 'Remiss {referralNumber}: {title}',
    body:
      '{greeting}\n\n{message}\n\nSvara senast {replyBy} genom att svara på det här meddelandet; ange remissnummer ' +
      '{referralNumber} om du skriver ett nytt.{attachments}\n\nFrån {senderName}\n',
  },
};

/** The `{placeholder}`s in `texts` that the purpose does not know, each once, in order of appearance. */
export function unknownPlaceholders(purpose: TemplatedPurpose, texts: string[]): string[] {
  const known = new Set(TEMPLATE_PLACEHOLDERS[purpose]);
  const unknown = new Set<string>();
  for (const text of texts) {
    for (const [, name] of text.matchAll(PLACEHOLDER)) if (!known.has(name)) unknown.add(name);
  }
  return [...unknown];
}

export function assertKnownPlaceholders(purpose: TemplatedPurpose, texts: string[]): void {
  const unknown = unknownPlaceholders(purpose, texts);
  if (unknown.length > 0) {
    throw new DomainError(
      'NOTIFICATIONS.PLACEHOLDER_UNKNOWN',
      `A ${purpose} template does not know ${unknown.map((name) => `{${name}}`).join(', ')}`,
      { unknown, allowed: TEMPLATE_PLACEHOLDERS[purpose] },
    );
  }
}

/** How specific a signature's scope is; higher wins. */
function specificity(scope: SignatureScope): number {
  return (scope.userId === null ? 0 : 2) + (scope.servicePointId === null ? 0 : 1);
}

/**
 * The signature of a sender (the acting user and the case's service point): user and service point, then the
 * user's, then the service point's, then the global one. A signature of another user or service point never
 * applies.
 */
export function pickSignature<S extends SignatureScope>(signatures: readonly S[], sender: SignatureScope): S | null {
  let best: S | null = null;
  for (const signature of signatures) {
    const applies =
      (signature.userId === null || signature.userId === sender.userId) &&
      (signature.servicePointId === null || signature.servicePointId === sender.servicePointId);
    if (applies && (best === null || specificity(signature) > specificity(best))) best = signature;
  }
  return best;
}

const DATA_URL = /^data:([a-z+/]+);base64,([A-Za-z0-9+/]+={0,2})$/;
const UNSAFE_MARKUP = /<\s*(script|iframe|object|embed|form)\b|\son[a-z]+\s*=|javascript:/i;

/** A logo data URL checked for type (and that its bytes are that type) and size; its decoded content. */
export function parseLogo(dataUrl: string): { contentType: string; content: Buffer } {
  const invalid = (why: string) => new DomainError('NOTIFICATIONS.LOGO_INVALID', `The logo ${why}`);
  const match = DATA_URL.exec(dataUrl);
  if (!match) throw invalid('must be a base64 data URL (data:image/png;base64,…)');
  const [, contentType, base64] = match;
  if (!(SIGNATURE_LOGO_TYPES as readonly string[]).includes(contentType)) {
    throw invalid(`must be ${SIGNATURE_LOGO_TYPES.join(', ')}, not ${contentType}`);
  }
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) throw invalid('is empty');
  if (content.length > SIGNATURE_LOGO_MAX_BYTES) {
    throw invalid(`is ${content.length} bytes; at most ${SIGNATURE_LOGO_MAX_BYTES}`);
  }
  const looksRight =
    contentType === 'image/png'
      ? content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      : contentType === 'image/jpeg'
        ? content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff
        : /<svg[\s>]/i.test(content.toString('utf8')) && !UNSAFE_MARKUP.test(content.toString('utf8'));
  if (!looksRight) throw invalid(`is not a valid ${contentType} image`);
  return { contentType, content };
}

/** Signature HTML goes into mail as it is, so what mail clients would run is refused. */
export function assertSafeSignatureHtml(html: string): void {
  if (UNSAFE_MARKUP.test(html)) {
    throw new DomainError(
      'NOTIFICATIONS.SIGNATURE_INVALID',
      'The signature HTML may not hold scripts, frames, forms or event attributes',
    );
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
