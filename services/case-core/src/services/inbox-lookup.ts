import { DomainError, type Inbox, SYSTEM_ACTOR, getInboxV1 } from '@arende/contracts';
import type { RpcClient } from '@arende/messaging';

export interface InboxLookupOptions {
  /** How long an answer from routing is reused. Inbox settings change rarely; assignment is a hot path. */
  ttlMs: number;
  now?: () => number;
}

/**
 * Inboxes as routing owns them (`routing.rpc.inbox-get.v1`), kept for a short while so that assigning and
 * distributing do not pay a round trip each time. An inbox routing does not know is CASE.INBOX_NOT_FOUND.
 */
export class InboxLookup {
  private readonly cache = new Map<string, { inbox: Promise<Inbox>; expiresAt: number }>();
  private readonly now: () => number;

  constructor(
    private readonly rpc: RpcClient,
    private readonly options: InboxLookupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async get(inboxId: string, correlationId: string): Promise<Inbox> {
    const cached = this.cache.get(inboxId);
    if (cached && cached.expiresAt > this.now()) return cached.inbox;
    // Callers asking at once share one request; a failed one is not kept.
    const inbox = this.fetch(inboxId, correlationId);
    const entry = { inbox, expiresAt: this.now() + this.options.ttlMs };
    this.cache.set(inboxId, entry);
    inbox.catch(() => {
      if (this.cache.get(inboxId) === entry) this.cache.delete(inboxId);
    });
    return inbox;
  }

  /** An inbox that exists and takes cases. */
  async getActive(inboxId: string, correlationId: string): Promise<Inbox> {
    const inbox = await this.get(inboxId, correlationId);
    if (!inbox.active) {
      throw new DomainError('CASE.INBOX_INACTIVE', `Inbox ${inboxId} (${inbox.name}) takes no cases`, { inboxId });
    }
    return inbox;
  }

  private async fetch(inboxId: string, correlationId: string): Promise<Inbox> {
    try {
      // The platform asks, not the caller: the answer is shared by every caller until it expires.
      return await this.rpc.request(getInboxV1, { id: inboxId }, { actor: SYSTEM_ACTOR, correlationId });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'ROUTING.NOT_FOUND' || error.code === 'REQUEST.INVALID')) {
        throw new DomainError('CASE.INBOX_NOT_FOUND', `No inbox ${inboxId}`, { inboxId });
      }
      throw error;
    }
  }
}
