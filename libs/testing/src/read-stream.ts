import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';

export interface StoredMessage {
  seq: number;
  subject: string;
  headers: MsgHdrs | undefined;
  /** The body parsed as JSON. */
  json: unknown;
}

/** Every message in a stream right now, in stream order (through an ordered consumer). */
export async function readStream(js: JetStreamClient, jsm: JetStreamManager, stream: string): Promise<StoredMessage[]> {
  const { state } = await jsm.streams.info(stream);
  if (state.messages === 0) return [];
  const consumer = await js.consumers.get(stream);
  const messages = await consumer.consume();
  const result: StoredMessage[] = [];
  try {
    for await (const m of messages) {
      result.push({ seq: m.seq, subject: m.subject, headers: m.headers, json: m.json<unknown>() });
      if (m.seq >= state.last_seq) break;
    }
  } finally {
    await messages.close();
  }
  return result;
}
