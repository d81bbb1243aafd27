import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventEnvelope } from '@arende/contracts';

/** Every message in a stream, decoded (the stream must be small: a test's own). */
export async function readStream(
  jsm: JetStreamManager,
  stream: string,
): Promise<Array<EventEnvelope<unknown> & { subject: string }>> {
  const info = await jsm.streams.info(stream);
  const messages: Array<EventEnvelope<unknown> & { subject: string }> = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (message) messages.push({ ...message.json<EventEnvelope<unknown>>(), subject: message.subject });
  }
  return messages;
}

/** Deletes every stream whose name starts with the (upper-cased) prefix. */
export async function deleteStreams(natsUrl: string, prefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const info of jsm.streams.list()) {
      if (info.config.name.startsWith(prefix.toUpperCase())) names.push(info.config.name);
    }
    for (const name of names) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
}
