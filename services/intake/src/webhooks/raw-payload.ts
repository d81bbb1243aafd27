import type { ReprocessOutcome } from '../quarantine/reprocessor.js';

/** The quarantine row being re-processed: its id, raw blob and first arrival are reused. */
export interface ReprocessOrigin {
  id: string;
  rawBlobKey: string;
  receivedAt: Date;
}

/**
 * A channel's `Reprocessor`: re-runs a stored raw payload and writes no quarantine row. Without `origin` it
 * stores the payload again under a new id.
 */
export type ChannelReprocessor = (
  raw: Buffer,
  envelope: Record<string, unknown>,
  origin?: ReprocessOrigin,
) => Promise<ReprocessOutcome>;

/** An authenticated payload whose content could not be turned into an event; it is quarantined with this reason. */
export class UnreadablePayload extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadablePayload';
  }
}

/** Fields of a form-urlencoded or JSON body, by its content type. */
export function readFields(raw: Buffer, contentType: string): unknown {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new UnreadablePayload(`Body is not JSON: ${(error as Error).message}`);
    }
  }
  throw new UnreadablePayload(`Unsupported content type: ${type || '(none)'}`);
}

/** A time from a provider: an ISO string (UTC when it has no offset), or seconds or milliseconds since 1970. */
export function providerTime(value: unknown, fallback: Date): string {
  let date: Date | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    date = new Date(value < 1e12 ? value * 1000 : value);
  } else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim();
    const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
    date = new Date(hasOffset ? text : `${text.replace(' ', 'T')}Z`);
  }
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : fallback.toISOString();
}
