import { ImapFlow } from 'imapflow';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { IntakeService } from '../services/intake.service.js';
import { imapEnvelope } from './imap-envelope.js';

export interface ImapPollerOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); false for plain IMAP (tests). */
  secure: boolean;
  user: string;
  password: string;
  /** The folder mail arrives in. */
  mailbox: string;
  /** Where a message goes once intake has it; levels separated by `/`. Created when missing. */
  processedMailbox: string;
  /** The shared mailbox's e-mail address: the envelope recipient of every message. */
  address: string;
  intake: Pick<IntakeService, 'receive'>;
  logger: StructuredLogger;
  /** Counts each message in `inbound_messages_total{channel="email"}` (outcome `failed` per failed attempt). */
  metrics?: Pick<Metrics, 'inboundMessages'>;
  /** A larger message is left in the mailbox and reported; default: no limit. */
  maxMessageBytes?: number;
  /** A pass runs at least this often: the poll for servers without IDLE, a safety net otherwise. */
  pollIntervalMs?: number;
  /** The next pass after intake failed temporarily. */
  retryMs?: number;
  /** First reconnect delay; it doubles per failed attempt up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
}

export interface ImapPoller {
  close(): Promise<void>;
}

// IDLE starts this long after the last command: short, so new mail is announced within a second.
const AUTO_IDLE_DELAY_MS = 500;

/**
 * Polls a shared mailbox. Every message in `mailbox` goes through intake, in UID order, one at a time, and is
 * moved to `processedMailbox` only after intake returned (accepted, duplicate or quarantined). When intake
 * throws (a temporary failure) the message stays and the pass is retried; a crash between intake and the move
 * redelivers the message, which intake applies once (unique Message-ID). Between passes the connection IDLEs
 * and a new message (`EXISTS`) starts a pass at once; a dropped connection is re-opened with backoff.
 */
export function startImapPoller(options: ImapPollerOptions): ImapPoller {
  if (!options.user || !options.password) throw new Error('IMAP polling needs a user and a password');
  const poller = new MailboxPoller(options);
  poller.start();
  return { close: () => poller.close() };
}

class MailboxPoller {
  private readonly pollIntervalMs: number;
  private readonly retryMs: number;
  private readonly reconnectMs: number;
  private readonly maxReconnectMs: number;
  private client: ImapFlow | null = null;
  private processedPath = '';
  private connecting: Promise<void> | null = null;
  private passing: Promise<void> | null = null;
  private passRequested = false;
  private timer: NodeJS.Timeout | null = null;
  private closing = false;
  /** True from the first failure until a connection succeeds again: one warning per outage. */
  private outage = false;
  private failedAttempts = 0;
  /** Oversized messages already reported, so each is logged once. */
  private readonly oversized = new Set<string>();

  constructor(private readonly options: ImapPollerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 60_000;
    this.retryMs = options.retryMs ?? 5_000;
    this.reconnectMs = options.reconnectMs ?? 1_000;
    this.maxReconnectMs = options.maxReconnectMs ?? 60_000;
  }

  start(): void {
    this.connecting = this.connect().finally(() => (this.connecting = null));
  }

  async close(): Promise<void> {
    this.closing = true;
    this.clearTimer();
    await this.connecting;
    await this.passing;
    const client = this.client;
    this.client = null;
    if (client === null) return;
    try {
      await client.logout();
    } catch {
      client.close();
    }
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const { host, port, secure, user, password, logger } = this.options;
    const client = new ImapFlow({
      host,
      port,
      secure,
      auth: { user, pass: password },
      logger: false,
      autoIdleDelay: AUTO_IDLE_DELAY_MS,
      // Also the NOOP interval imapflow uses instead of IDLE on servers without it.
      maxIdleTime: this.pollIntervalMs,
      connectionTimeout: 30_000,
    });
    // An error is followed by 'close', which reconnects; the listener keeps it from crashing the process.
    client.on('error', (error: unknown) => logger.debug({ err: error }, 'IMAP connection error'));
    client.on('close', () => this.onClose(client));
    client.on('exists', () => this.requestPass());
    try {
      await client.connect();
      const created = await client.mailboxCreate(this.options.processedMailbox.split('/'));
      this.processedPath = created.path;
    } catch (error) {
      client.close();
      if (this.outage) logger.debug({ err: error }, 'IMAP server still unreachable');
      else {
        this.outage = true;
        logger.warn({ err: error, host, port }, 'IMAP server unreachable; retrying with backoff');
      }
      this.scheduleReconnect();
      return;
    }
    if (this.closing) {
      await client.logout().catch(() => client.close());
      return;
    }
    this.client = client;
    this.failedAttempts = 0;
    logger.info(
      {
        host,
        port,
        mailbox: this.options.mailbox,
        idle: client.capabilities.has('IDLE'),
        move: client.capabilities.has('MOVE'),
      },
      this.outage ? 'IMAP connection restored' : 'IMAP poller connected',
    );
    this.outage = false;
    this.requestPass();
  }

  private onClose(client: ImapFlow): void {
    if (client !== this.client) return;
    this.client = null;
    this.clearTimer();
    if (this.closing) return;
    if (!this.outage) {
      this.outage = true;
      this.options.logger.warn(
        { host: this.options.host, port: this.options.port },
        'IMAP connection lost; reconnecting with backoff',
      );
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing) return;
    const delay = Math.min(this.reconnectMs * 2 ** this.failedAttempts, this.maxReconnectMs);
    this.failedAttempts += 1;
    this.setTimer(delay, () => this.start());
  }

  /** Runs a pass now, or right after the one in progress (a message may have arrived during it). */
  private requestPass(): void {
    if (this.passing !== null) {
      this.passRequested = true;
      return;
    }
    this.passing = this.runPasses().finally(() => (this.passing = null));
  }

  private async runPasses(): Promise<void> {
    let complete: boolean;
    do {
      this.passRequested = false;
      complete = await this.pass();
    } while (this.passRequested && !this.closing);
    if (this.client !== null && !this.closing) {
      this.setTimer(complete ? this.pollIntervalMs : this.retryMs, () => this.requestPass());
    }
  }

  /** Takes every message in the mailbox through intake; false when one has to be retried later. */
  private async pass(): Promise<boolean> {
    const client = this.client;
    if (client === null || !client.usable) return true;
    const { logger } = this.options;
    try {
      const lock = await client.getMailboxLock(this.options.mailbox);
      try {
        return await this.processMailbox(client);
      } finally {
        lock.release();
      }
    } catch (error) {
      // A dropped connection ends up here too; 'close' reconnects and the next connection starts a pass.
      if (client.usable) logger.warn({ err: error }, 'IMAP pass failed; retrying');
      return false;
    }
  }

  private async processMailbox(client: ImapFlow): Promise<boolean> {
    const { intake, logger, maxMessageBytes, host, address } = this.options;
    if (client.mailbox === false || client.mailbox.exists === 0) return true;
    // UIDs and sizes only: each message's content is fetched on its own, so memory stays at one message.
    const listed: { uid: number; size: number }[] = [];
    for await (const message of client.fetch('1:*', { uid: true, size: true })) {
      listed.push({ uid: message.uid, size: message.size ?? 0 });
    }
    listed.sort((a, b) => a.uid - b.uid);
    const uidValidity = String(client.mailbox.uidValidity);
    for (const { uid, size } of listed) {
      if (this.closing) return true;
      if (maxMessageBytes !== undefined && size > maxMessageBytes) {
        const key = `${uidValidity}:${uid}`;
        if (!this.oversized.has(key)) {
          this.oversized.add(key);
          logger.error({ uid, size, maxMessageBytes }, 'Message over the size limit left in the IMAP mailbox');
          this.count('refused');
        }
        continue;
      }
      const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      // Gone since the listing (someone else moved or deleted it).
      if (message === false || message.source === undefined) continue;
      try {
        const outcome = await intake.receive(message.source, imapEnvelope(message.source, { address, host }), 'imap');
        this.count(outcome.kind);
      } catch (error) {
        this.count('failed');
        logger.error({ err: error, uid }, 'Message not stored; it stays in the IMAP mailbox and is retried');
        return false;
      }
      const moved = await client.messageMove(String(uid), this.processedPath, { uid: true });
      // Stored but not moved: the next pass delivers it again, which intake applies once.
      if (moved === false) throw new Error(`Moving message ${uid} to ${this.processedPath} failed`);
    }
    return true;
  }

  private count(outcome: string): void {
    this.options.metrics?.inboundMessages.labels('email', outcome).inc();
  }

  private setTimer(delayMs: number, action: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      action();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
