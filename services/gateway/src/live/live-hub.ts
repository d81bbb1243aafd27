import { DomainError } from '@arende/contracts';

/** One thing to push to connected users: an SSE event name, its data, and who gets it. */
export interface LiveEvent {
  /** The SSE `event:` field, e.g. `call-answered`. */
  event: string;
  /** The SSE `id:` field (the event envelope's id), so a client can tell repeats apart. */
  id: string;
  data: unknown;
  /** User names (the token's preferred_username) to send it to. */
  recipients: readonly string[];
  /** Inboxes whose members (the `/inbox/<id>` groups of their token) get it too. */
  inboxIds?: readonly string[];
}

/** The open response of one connected client. */
export interface LiveClient {
  /** Writes a chunk; false when the client is not keeping up (Node's backpressure signal). */
  write(chunk: string): boolean;
  /** Bytes written but not yet taken by the client. */
  readonly bufferedBytes: number;
  end(): void;
}

export interface LiveLimits {
  /** Open streams this gateway process serves in all. */
  maxConnections: number;
  /** Open streams one user may hold (tabs, devices). */
  maxConnectionsPerUser: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** A client that leaves this much unread is cut off rather than buffered without end. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  maxConnections: 2000,
  maxConnectionsPerUser: 5,
  heartbeatMs: 25_000,
  maxBufferedBytes: 1024 * 1024,
};

/** A registered stream; `close()` ends it and frees its slot (idempotent). */
export interface LiveConnection {
  readonly user: string;
  /** The inboxes the user is a member of while the stream is open (from the token it was opened with). */
  readonly inboxIds: readonly string[];
  close(): void;
}

/**
 * The live streams open on this gateway process, by user. Every replica receives every event and writes
 * only to its own clients, so the hub needs no shared state. New kinds of live updates add an event source
 * (see live-sources.ts) that says who gets what; the hub stays as it is.
 */
export class LiveHub {
  private readonly byUser = new Map<string, Set<Entry>>();
  private readonly byInbox = new Map<string, Set<Entry>>();
  private total = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly limits: LiveLimits = DEFAULT_LIVE_LIMITS) {}

  /** Open streams now, in all or of one user. */
  connections(user?: string): number {
    return user === undefined ? this.total : (this.byUser.get(user)?.size ?? 0);
  }

  /**
   * Registers a client of `user`, a member of `inboxIds`, until it closes or `until` (epoch ms: the token's
   * expiry) passes.
   * @throws DomainError REQUEST.RATE_LIMITED over the per-user limit, SERVICE.UNAVAILABLE over the total one.
   */
  open(user: string, client: LiveClient, until: number, inboxIds: readonly string[] = []): LiveConnection {
    if (this.closed) throw new DomainError('SERVICE.UNAVAILABLE', 'The gateway is shutting down');
    const own = this.byUser.get(user) ?? new Set<Entry>();
    if (own.size >= this.limits.maxConnectionsPerUser) {
      throw new DomainError(
        'REQUEST.RATE_LIMITED',
        `At most ${this.limits.maxConnectionsPerUser} live streams per user; close one first`,
      );
    }
    if (this.total >= this.limits.maxConnections) {
      throw new DomainError('SERVICE.UNAVAILABLE', 'This gateway serves no more live streams; try again later');
    }
    const entry: Entry = {
      user,
      inboxIds: [...new Set(inboxIds)],
      client,
      expiry: undefined,
      close: () => this.remove(entry),
    };
    // The stream ends when the token does; the client reconnects with a fresh one.
    entry.expiry = setTimeout(() => entry.close(), Math.max(0, until - Date.now()));
    entry.expiry.unref();
    own.add(entry);
    this.byUser.set(user, own);
    for (const inboxId of entry.inboxIds) {
      const members = this.byInbox.get(inboxId) ?? new Set<Entry>();
      members.add(entry);
      this.byInbox.set(inboxId, members);
    }
    this.total += 1;
    this.startHeartbeat();
    return entry;
  }

  /** Writes the event once to every open stream of its recipients and inbox members; returns how many got it. */
  deliver(event: LiveEvent): number {
    const targets = new Set<Entry>();
    for (const user of event.recipients) for (const entry of this.byUser.get(user) ?? []) targets.add(entry);
    for (const inboxId of event.inboxIds ?? []) for (const entry of this.byInbox.get(inboxId) ?? []) targets.add(entry);
    if (targets.size === 0) return 0;
    const chunk = `event: ${event.event}\nid: ${event.id}\ndata: ${JSON.stringify(event.data)}\n\n`;
    let written = 0;
    for (const entry of targets) if (this.send(entry, chunk)) written += 1;
    return written;
  }

  /** Ends every stream and takes no new ones (gateway shutdown). */
  close(): void {
    this.closed = true;
    for (const entries of [...this.byUser.values()]) for (const entry of [...entries]) entry.close();
    this.stopHeartbeat();
  }

  private send(entry: Entry, chunk: string): boolean {
    if (entry.client.bufferedBytes > this.limits.maxBufferedBytes) {
      entry.close();
      return false;
    }
    entry.client.write(chunk);
    return true;
  }

  private remove(entry: Entry): void {
    const own = this.byUser.get(entry.user);
    if (!own?.delete(entry)) return;
    if (own.size === 0) this.byUser.delete(entry.user);
    for (const inboxId of entry.inboxIds) {
      const members = this.byInbox.get(inboxId);
      members?.delete(entry);
      if (members?.size === 0) this.byInbox.delete(inboxId);
    }
    this.total -= 1;
    clearTimeout(entry.expiry);
    entry.client.end();
    if (this.total === 0) this.stopHeartbeat();
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const entries of [...this.byUser.values()]) for (const entry of [...entries]) this.send(entry, ':\n\n');
    }, this.limits.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

interface Entry extends LiveConnection {
  client: LiveClient;
  expiry: NodeJS.Timeout | undefined;
}
