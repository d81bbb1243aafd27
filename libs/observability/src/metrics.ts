import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Seconds; starts at 1 ms because most RPCs and requests on the hot path take a few milliseconds.
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The metrics every service exposes on `/metrics`. */
export interface Metrics {
  /** The service's own registry (not prom-client's global one), with Node's default metrics. */
  registry: Registry;
  /** `http_request_duration_seconds{method, route, status}`; `route` is the route pattern, never the raw URL. */
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** `rpc_duration_seconds{subject, outcome}`, e.g. outcome `ok` or an error code. */
  rpcDuration: Histogram<'subject' | 'outcome'>;
  /** `events_published_total`: events the outbox relay handed to JetStream. */
  eventsPublished: Counter;
  /** `events_consumed_total{subject, outcome}`, e.g. outcome `ok`, `retry`, `dead_letter`, `duplicate`. */
  eventsConsumed: Counter<'subject' | 'outcome'>;
  /**
   * `inbound_messages_total{channel, outcome}`: what intake received, by channel (`email`, `sms`, …) and
   * outcome (`accepted`, `duplicate`, `quarantined`, `refused`, `failed`).
   */
  inboundMessages: Counter<'channel' | 'outcome'>;
}

/**
 * A fresh registry with Node's default metrics and the platform's standard metrics, every series
 * labelled `service`. Each call makes its own registry, so tests can create as many as they like.
 */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    rpcDuration: new Histogram({
      name: 'rpc_duration_seconds',
      help: 'NATS request/reply handling duration in seconds',
      labelNames: ['subject', 'outcome'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events published to JetStream',
      registers,
    }),
    eventsConsumed: new Counter({
      name: 'events_consumed_total',
      help: 'Events handled by consumers, by outcome',
      labelNames: ['subject', 'outcome'] as const,
      registers,
    }),
    inboundMessages: new Counter({
      name: 'inbound_messages_total',
      help: 'Inbound messages received by intake, by channel and outcome',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
  };
}
