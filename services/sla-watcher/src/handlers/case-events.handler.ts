import type { DataSource } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  caseAcknowledgedV1,
  caseAssignedV1,
  caseCustomerContactedV1,
  caseDistributedV1,
  caseMovedV1,
  caseRegisteredV1,
  caseStatusChangedV1,
  caseUpdatedV1,
  entryAddedV1,
  referralAnsweredV1,
  referralSentV1,
} from '@arende/contracts';
import { type EnvelopeOf, IdempotentConsumer, type MessagingNames } from '@arende/messaging';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { Clock } from '../clock.js';
import type { CaseProjectionService } from '../services/case-projection.service.js';

/** The case events the watcher follows. Closed and reopened arrive as status-changed too. */
const CONTRACTS = [
  caseRegisteredV1,
  caseUpdatedV1,
  caseStatusChangedV1,
  caseAssignedV1,
  caseDistributedV1,
  caseMovedV1,
  entryAddedV1,
  caseAcknowledgedV1,
  caseCustomerContactedV1,
  referralSentV1,
  referralAnsweredV1,
] as const;
type CaseEnvelope = EnvelopeOf<(typeof CONTRACTS)[number]>;

export interface CaseEventsConsumerOptions {
  dataSource: DataSource;
  schema: string;
  js: JetStreamClient;
  names: MessagingNames;
  logger: StructuredLogger;
  metrics?: Pick<Metrics, 'eventsConsumed'>;
  projection: CaseProjectionService;
  clock: Clock;
  /** After a committed event (nudge the relay; wake the timer loop). */
  onApplied: () => void;
}

/** The durable consumer of the case stream: each event updates the projection and the case's timers once. */
export function createCaseEventsConsumer(
  options: CaseEventsConsumerOptions,
): IdempotentConsumer<(typeof CONTRACTS)[number]> {
  const { projection, clock } = options;
  return new IdempotentConsumer({
    dataSource: options.dataSource,
    schema: options.schema,
    js: options.js,
    names: options.names,
    service: 'sla-watcher',
    durable: 'sla-watcher-case',
    owner: 'case',
    contracts: CONTRACTS,
    logger: options.logger,
    metrics: options.metrics,
    concurrency: 4,
    orderKey: caseOf,
    onApplied: options.onApplied,
    handle: async (envelope: CaseEnvelope, manager) => {
      const at = new Date(envelope.occurredAt);
      const now = clock.now();
      switch (envelope.type) {
        case caseRegisteredV1.subject:
          return projection.registered(manager, (envelope as EnvelopeOf<typeof caseRegisteredV1>).data, at, now);
        case caseUpdatedV1.subject:
          return projection.updated(manager, (envelope as EnvelopeOf<typeof caseUpdatedV1>).data, at, now);
        case caseStatusChangedV1.subject:
          return projection.statusChanged(manager, (envelope as EnvelopeOf<typeof caseStatusChangedV1>).data, at, now);
        case caseAssignedV1.subject:
          return projection.assigned(manager, (envelope as EnvelopeOf<typeof caseAssignedV1>).data, at, now);
        case caseDistributedV1.subject:
          return projection.distributed(manager, (envelope as EnvelopeOf<typeof caseDistributedV1>).data, at, now);
        case caseMovedV1.subject:
          return projection.moved(manager, (envelope as EnvelopeOf<typeof caseMovedV1>).data, at, now);
        case entryAddedV1.subject:
          return projection.entryAdded(manager, (envelope as EnvelopeOf<typeof entryAddedV1>).data, now);
        case caseAcknowledgedV1.subject:
          return projection.acknowledged(manager, (envelope as EnvelopeOf<typeof caseAcknowledgedV1>).data, now);
        case caseCustomerContactedV1.subject:
          return projection.customerContacted(
            manager,
            (envelope as EnvelopeOf<typeof caseCustomerContactedV1>).data,
            now,
          );
        case referralSentV1.subject:
          return projection.referralSent(manager, (envelope as EnvelopeOf<typeof referralSentV1>).data, now);
        case referralAnsweredV1.subject:
          return projection.referralAnswered(
            manager,
            (envelope as EnvelopeOf<typeof referralAnsweredV1>).data,
            at,
            now,
          );
      }
    },
  });
}

/** One case's events in stream order. */
function caseOf(envelope: CaseEnvelope): string {
  return 'caseId' in envelope.data ? envelope.data.caseId : envelope.data.id;
}
