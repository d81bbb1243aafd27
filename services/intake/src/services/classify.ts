/** What the classifier reads of a parsed message: lower-cased header names to their raw values. */
export interface ClassifyInput {
  header(name: string): string | undefined;
  subject: string;
  contentType: string;
}

const AUTO_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk', 'list']);

// Out-of-office subjects, Swedish and English, as mail clients and Exchange write them. Words a person
// also starts a subject with ("Frånvaro från hemtjänsten under julen") count only as the whole subject or
// before a colon, the way an automatic answer puts them in front of the original subject.
const OUT_OF_OFFICE = [
  /^\s*(automatiskt svar|autosvar|frånvaromeddelande)(\s|:|$)/i,
  /^\s*(frånvaro|ej på plats|inte på kontoret)\s*(:|$)/i,
  /^\s*(auto(matic)?[ -]?reply|autoreply)/i,
  /^\s*(out of (the )?office|ooo|away from (the )?office|absence notice)\s*(:|$)/i,
  /^\s*(automatic reply|automatisk svar)\s*:/i,
];

/** True when the message was written by a machine answering another message (RFC 3834 and the usual habits). */
export function isAutoReply(input: ClassifyInput): boolean {
  const autoSubmitted = input.header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted !== undefined && autoSubmitted !== '' && !autoSubmitted.startsWith('no')) return true;
  if (input.header('x-autoreply') !== undefined || input.header('x-autorespond') !== undefined) return true;
  const precedence = input.header('precedence')?.trim().toLowerCase();
  if (precedence !== undefined && AUTO_PRECEDENCE.has(precedence)) return true;
  return isOutOfOfficeSubject(input.subject);
}

export function isOutOfOfficeSubject(subject: string): boolean {
  return OUT_OF_OFFICE.some((pattern) => pattern.test(subject));
}

/** True for a delivery status notification (RFC 3464: multipart/report; report-type=delivery-status). */
export function isBounce(input: ClassifyInput): boolean {
  return input.contentType.trim().toLowerCase().startsWith('multipart/report');
}
