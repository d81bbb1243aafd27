import type { SendOutcome } from '../mail/mail-sender.js';
import { smsLength } from '@arende/contracts';

export interface ElksSettings {
  /** https://api.46elks.com in production; a local stand-in in tests. */
  baseUrl: string;
  user: string;
  password: string;
  /** Alphanumeric sender (at most 11 characters) or a number. */
  from: string;
  timeoutMs?: number;
}

/** Sends text messages through 46elks: `POST /a1/sms`, form-encoded `from`, `to`, `message`, HTTP basic auth. */
export class ElksSender {
  constructor(private readonly settings: ElksSettings) {}

  async send(to: string, message: string): Promise<SendOutcome> {
    const { parts, encoding } = smsLength(message);
    let response: Response;
    try {
      response = await fetch(new URL('/a1/sms', this.settings.baseUrl), {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.settings.user}:${this.settings.password}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ from: this.settings.from, to, message }).toString(),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return {
        kind: 'temporary',
        detail: `46elks unreachable: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const body = (await response.text()).replace(/[\r\n]+/g, ' ').slice(0, 500);
    if (response.ok) {
      const id = safeId(body);
      return {
        kind: 'sent',
        detail: `46elks ${response.status}${id ? ` id ${id}` : ''}, ${parts} part(s) ${encoding}`,
      };
    }
    // 429 and 5xx pass; any other 4xx (bad number, no credit, bad credentials) will not.
    const temporary = response.status === 429 || response.status >= 500;
    return { kind: temporary ? 'temporary' : 'permanent', detail: `46elks ${response.status}: ${body}` };
  }
}

function safeId(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    return null;
  }
}
