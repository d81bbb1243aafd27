import type { SmtpEnvelope } from '../services/intake.service.js';

// The header block is read from at most this much of the message; a Return-Path lies far above it.
const HEADER_SCAN_BYTES = 64 * 1024;

/**
 * The envelope of a message fetched from the shared mailbox: the sender from the `Return-Path` the delivering
 * server wrote, the mailbox's own address as the recipient, and the IMAP server as the host it came from.
 */
export function imapEnvelope(raw: Buffer, mailbox: { address: string; host: string }): SmtpEnvelope {
  return {
    mailFrom: returnPath(raw),
    rcptTo: [mailbox.address],
    remoteAddress: mailbox.host,
    clientHostname: mailbox.host,
    heloName: null,
  };
}

/** The address in the topmost `Return-Path` header; null when there is none or it is the null sender `<>`. */
export function returnPath(raw: Buffer): string | null {
  const head = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^return-path:[ \t]*<?([^<>\s]*)>?/im.exec(headers);
  return match && match[1].length > 0 ? match[1] : null;
}
