const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LABELLED_UTF8 = /^content-type:[ \t]*text\/(plain|html)\b[^\r\n]*?charset="?(utf-?8|us-ascii)"?/im;
const ENCODED = /^content-transfer-encoding:[ \t]*(base64|quoted-printable)/im;

/**
 * A single-part message whose header says UTF-8 (or US-ASCII) but whose 8-bit body is not valid UTF-8 was
 * written in windows-1252 (a superset of ISO-8859-1) by a client that labelled it wrongly: returns the message
 * relabelled so it decodes to å, ä and ö instead of replacement characters, or null when nothing is wrong.
 * Multipart messages are left alone (their parts' labels are not reached here).
 */
export function relabelMislabelledUtf8(raw: Buffer): Buffer | null {
  let end = raw.indexOf('\r\n\r\n');
  let gap = 4;
  if (end < 0) {
    end = raw.indexOf('\n\n');
    gap = 2;
  }
  if (end < 0) return null;
  const header = raw
    .subarray(0, end)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  if (!LABELLED_UTF8.test(header) || ENCODED.test(header)) return null;
  const body = raw.subarray(end + gap);
  try {
    UTF8.decode(body);
    return null;
  } catch {
    const head = raw
      .subarray(0, end + gap)
      .toString('latin1')
      .replace(/(content-type:[^]*?charset=)"?(utf-?8|us-ascii)"?/i, '$1windows-1252');
    return Buffer.concat([Buffer.from(head, 'latin1'), body]);
  }
}
