/** Keys that thread inbound messages onto cases; one namespace per channel. */
export const threadKey = {
  email: (messageId: string) => `email:${messageId.trim().toLowerCase()}`,
  sms: (number: string) => `sms:${number.replace(/[^\d+]/g, '')}`,
  facebookSender: (pageId: string, senderId: string) => `facebook:user:${pageId}:${senderId}`,
  facebookPost: (postId: string) => `facebook:post:${postId}`,
};

// `Ärende 2026-000123`, `SV: Re: ärende nr 2026-000123`; the number alone also counts when it exists.
const CASE_NUMBER_IN_TEXT = /(?<![\d-])(\d{4}-\d{6})(?![\d-])/g;

/** Case numbers in a subject line, those after the word "ärende" first, each once. */
export function caseNumbersInSubject(subject: string): string[] {
  const named: string[] = [];
  const bare: string[] = [];
  for (const match of subject.matchAll(CASE_NUMBER_IN_TEXT)) {
    const before = subject.slice(Math.max(0, match.index - 20), match.index);
    (/ärende\s*(nr\.?|nummer)?\s*:?\s*#?$/i.test(before) ? named : bare).push(match[1]);
  }
  return [...new Set([...named, ...bare])].slice(0, 5);
}

// `Remiss 2026-000123-R1`, `SV: 2026-000123-r2`: a referral's number, which a case number alone never matches.
const REFERRAL_NUMBER_IN_TEXT = /(?<![\d-])(\d{4}-\d{6}-R[1-9]\d{0,3})(?!\d)/gi;

/** Referral numbers in a subject line, upper-cased, each once. */
export function referralNumbersInSubject(subject: string): string[] {
  return [...new Set([...subject.matchAll(REFERRAL_NUMBER_IN_TEXT)].map((m) => m[1].toUpperCase()))].slice(0, 5);
}

/** A title from a text message: its first line, shortened at a word boundary. */
export function titleFromText(text: string, fallback: string, max = 80): string {
  const line =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  if (line === '') return fallback;
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
