import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A case the corpus expects to exist before it is sent; its number replaces `{{case:<key>}}`. */
export interface PremadeCase {
  title: string;
  status: 'open' | 'closed';
  /** For a closed case: how many days ago it was closed. */
  closedDaysAgo?: number;
}

export interface ExpectedAttachment {
  filename: string | null;
  contentType: string;
  inline: boolean;
}

/** One message of the corpus and what it must become (see README.md in this folder). */
export interface CorpusMessage {
  file: string;
  label: string;
  about: string;
  subject: string;
  from: { address: string; name: string };
  /** A Message-ID the event must carry; null when the message has none (intake makes one). */
  messageId?: string | null;
  /** ISO time the Date header says, or `received` when it is missing or unreadable. */
  date?: string;
  text?: string[];
  textNot?: string[];
  /** True when the body is too large to travel inline in the event. */
  textByBlob?: boolean;
  /** null: the message has no HTML; absent: not checked. */
  html?: { contains: string[]; notContains: string[] } | null;
  attachments?: ExpectedAttachment[];
  autoReply?: boolean;
  bounce?: boolean;
  bouncedMessageIds?: string[];
  inReplyTo?: string | null;
  references?: string[];
  case: string;
  /** Why the code does not (yet) do what the message means: its test is expected to fail. */
  knownGap?: string;
}

export type CaseOutcome =
  | { kind: 'newCase' }
  | { kind: 'noCase' }
  | { kind: 'entryOn' | 'reopens' | 'childOf' | 'duplicateOf'; target: string };

export interface Corpus {
  cases: Record<string, PremadeCase>;
  messages: CorpusMessage[];
}

export const CORPUS_DIR = import.meta.dirname;

export function loadCorpus(): Corpus {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'corpus.json'), 'utf8')) as Corpus;
}

/** Replaces every `{{case:<key>}}` by the number of that pre-made case. */
export function fillCaseNumbers(text: string, numbers: Record<string, string>): string {
  return text.replace(/\{\{case:([a-z-]+)\}\}/g, (_match, key: string) => {
    const number = numbers[key];
    if (number === undefined) throw new Error(`No number for the pre-made case "${key}"`);
    return number;
  });
}

/**
 * The bytes to send for a message: CRLF line ends (the files keep LF) and the case numbers filled in.
 * Works on latin1 so that 8bit bytes in other charsets pass through unchanged.
 */
export function messageBytes(message: CorpusMessage, numbers: Record<string, string>): Buffer {
  const raw = readFileSync(join(CORPUS_DIR, message.file)).toString('latin1');
  return Buffer.from(fillCaseNumbers(raw, numbers).replace(/\r?\n/g, '\r\n'), 'latin1');
}

export function outcomeOf(message: CorpusMessage): CaseOutcome {
  const [kind, target] = message.case.split(':');
  switch (kind) {
    case 'newCase':
    case 'noCase':
      return { kind };
    case 'entryOn':
    case 'reopens':
    case 'childOf':
    case 'duplicateOf':
      if (!target) throw new Error(`${message.file}: "${message.case}" names no target`);
      return { kind, target };
    default:
      throw new Error(`${message.file}: unknown case outcome "${message.case}"`);
  }
}
