import {
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { DEAD_LETTER_ROOT } from '@arende/contracts';
import type { MessagingNames } from './names.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const nanos = (ms: number) => ms * 1_000_000;

export interface StreamOptions {
  /** How long an event stays in its stream (default 30 days). The outbox keeps its own copy for `retentionDays`. */
  maxAgeMs?: number;
  /** How long dead letters stay (default 90 days). */
  deadLetterMaxAgeMs?: number;
  /** Window in which JetStream drops a second message with the same `Nats-Msg-Id` (default 2 minutes). */
  duplicateWindowMs?: number;
  /** Default `file`; tests may use `memory`. */
  storage?: 'file' | 'memory';
  /** Replicas in a cluster (default 1). */
  replicas?: number;
}

function streamConfig(
  name: string,
  subject: string,
  maxAgeMs: number,
  options: StreamOptions,
): Partial<StreamConfig> & { name: string } {
  return {
    name,
    subjects: [subject],
    storage: options.storage === 'memory' ? StorageType.Memory : StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(maxAgeMs),
    duplicate_window: nanos(options.duplicateWindowMs ?? 2 * 60 * 1000),
    num_replicas: options.replicas ?? 1,
  };
}

/**
 * Creates or updates one stream per owner over `<prefix><owner>.evt.>` and the dead-letter stream
 * over `<prefix>deadletter.>`. Idempotent: safe at every boot of every service.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  names: MessagingNames,
  owners: readonly string[],
  options: StreamOptions = {},
): Promise<void> {
  const configs = owners.map((owner) =>
    streamConfig(names.stream(owner), names.streamSubjects(owner), options.maxAgeMs ?? 30 * DAY_MS, options),
  );
  configs.push(
    streamConfig(
      names.deadLetterStream,
      `${names.prefix}${DEAD_LETTER_ROOT}.>`,
      options.deadLetterMaxAgeMs ?? 90 * DAY_MS,
      options,
    ),
  );
  for (const config of configs) {
    const { name } = config;
    try {
      await jsm.streams.info(name);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error;
      await jsm.streams.add(config);
      continue;
    }
    await jsm.streams.update(name, config);
  }
}
