import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { MessagingNames } from '@arende/messaging';
import type { Logger, Metrics } from '@arende/observability';
import type { LiveEvent, LiveHub } from './live-hub.js';
import type { LiveSource } from './live-sources.js';

export interface LiveFeedOptions {
  nc: NatsConnection;
  names: MessagingNames;
  hub: LiveHub;
  sources: readonly LiveSource[];
  logger: Logger;
  metrics: Pick<Metrics, 'eventsConsumed'>;
}

/**
 * Core NATS subscriptions (no queue group, no durable consumer) on the live sources' subjects: every
 * gateway replica sees every event and hands it to the streams it holds. A live push is a convenience on
 * top of the event's durable record; an event missed while no stream was open is not replayed.
 */
export class LiveFeed {
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly options: LiveFeedOptions) {}

  start(): void {
    for (const source of this.options.sources) {
      const subject = this.options.names.subject(source.contract.subject);
      this.subscriptions.push(
        this.options.nc.subscribe(subject, { callback: (error, msg) => this.handle(source, error, msg) }),
      );
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.drain()));
  }

  private handle(source: LiveSource, error: Error | null, msg: { json<T>(): T }): void {
    const { subject } = source.contract;
    if (error) {
      this.options.logger.error({ err: error, subject }, 'Live subscription failed');
      return;
    }
    let envelope: unknown;
    try {
      envelope = msg.json<unknown>();
    } catch {
      envelope = undefined;
    }
    const parsed = source.contract.envelope.safeParse(envelope);
    if (!parsed.success) {
      this.options.metrics.eventsConsumed.labels(subject, 'invalid').inc();
      this.options.logger.warn(
        { subject, issues: parsed.error.issues.length },
        'Live event dropped: breaks its contract',
      );
      return;
    }
    let live: ReturnType<LiveSource['toLive']>;
    try {
      live = source.toLive(parsed.data);
    } catch (error) {
      this.failed(subject, error);
      return;
    }
    if (live instanceof Promise) {
      live.then(
        (event) => this.deliver(subject, event),
        (error: unknown) => this.failed(subject, error),
      );
    } else {
      this.deliver(subject, live);
    }
  }

  private deliver(subject: string, event: LiveEvent | null): void {
    if (event) this.options.hub.deliver(event);
    this.options.metrics.eventsConsumed.labels(subject, event ? 'live' : 'skipped').inc();
  }

  /** A lookup the event needed failed (case-core did not answer): this push is lost, the event's record is not. */
  private failed(subject: string, error: unknown): void {
    this.options.metrics.eventsConsumed.labels(subject, 'failed').inc();
    this.options.logger.warn({ err: error, subject }, 'Live event dropped: its recipients could not be found');
  }
}
