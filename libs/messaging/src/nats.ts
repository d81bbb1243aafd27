import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface ConnectNatsOptions {
  /** Default: `NATS_URL`, else `nats://127.0.0.1:4222`. */
  servers?: string | string[];
  /** Shown in the server's connection list (`connz`): use the service name. */
  name: string;
}

/** Connects to NATS and keeps reconnecting for ever (a service outlives broker restarts). */
export function connectNats(options: ConnectNatsOptions): Promise<NatsConnection> {
  return connect({
    servers: options.servers ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
    name: options.name,
    maxReconnectAttempts: -1,
    // Otherwise every request builds an Error up front for its stack (measured: about a tenth of the gateway's
    // CPU on the directory search); our RPC errors travel as codes, not stacks.
    noAsyncTraces: true,
  });
}
