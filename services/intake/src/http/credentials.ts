import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Both sides are hashed first so the comparison takes the same time whatever the lengths.
function digest(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time string equality. */
export function safeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Whether an `Authorization: Basic …` header holds exactly this user and password (both always compared). */
export function basicAuthMatches(header: string | undefined, user: string, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const givenUser = colon < 0 ? '' : decoded.slice(0, colon);
  const givenPassword = colon < 0 ? '' : decoded.slice(colon + 1);
  // `&` rather than `&&`: a wrong user takes as long as a wrong password.
  return (
    (Number(safeEqual(givenUser, user)) & Number(safeEqual(givenPassword, password)) & Number(match !== null)) === 1
  );
}

/** Whether an `Authorization: Bearer …` header holds exactly this token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return safeEqual(match ? match[1] : '', token) && match !== null;
}

/** Whether `X-Hub-Signature-256` (`sha256=<hex>`) is the HMAC-SHA256 of the raw body with the app secret. */
export function hubSignatureMatches(header: string | undefined, rawBody: Buffer, appSecret: string): boolean {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header?.trim() ?? '');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = match ? Buffer.from(match[1], 'hex') : Buffer.alloc(expected.length);
  return timingSafeEqual(given, expected) && match !== null;
}
