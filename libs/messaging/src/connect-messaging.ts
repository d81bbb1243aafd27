import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { MessagingNames } from './names.js';
import { type ConnectNatsOptions, connectNats } from './nats.js';
import { ensureStreams } from './streams.js';

export interface Messaging {
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
}

/**
 * A service's boot step for NATS: connect, name subjects with the prefix, and declare the streams of
 * the owners it publishes for (`case` for case-core, `intake` for intake; none for the gateway).
 */
export async function connectMessaging(
  options: ConnectNatsOptions & { prefix: string; streams: readonly string[] },
): Promise<Messaging> {
  const nc = await connectNats(options);
  const names = new MessagingNames(options.prefix);
  if (options.streams.length > 0) await ensureStreams(await jetstreamManager(nc), names, options.streams);
  return { nc, js: jetstream(nc), names };
}

/** The readiness check every service on NATS reports on /health/ready. */
export function natsReadiness(nc: NatsConnection): { name: string; check(): Promise<void> } {
  return { name: 'nats', check: () => nc.flush() };
}
