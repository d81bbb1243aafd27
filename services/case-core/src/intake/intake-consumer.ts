import type { DataSource } from 'typeorm';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  type EmailReceivedV1Data,
  type FormSubmittedV1Data,
  type SmsReceivedV1Data,
  type SocialMessageReceivedV1Data,
  emailReceivedV1,
  formSubmittedV1,
  smsReceivedV1,
  socialMessageReceivedV1,
} from '@arende/contracts';
import { type EnvelopeOf, IdempotentConsumer, type MessagingNames } from '@arende/messaging';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { CommitListener, RequestContext } from '../services/case.service.js';
import type { IntakeCaseOutcome, IntakeCaseService } from './intake-case.service.js';

const CONTRACTS = [emailReceivedV1, smsReceivedV1, socialMessageReceivedV1, formSubmittedV1] as const;
type IntakeEnvelope = EnvelopeOf<(typeof CONTRACTS)[number]>;

export interface IntakeConsumerOptions {
  dataSource: DataSource;
  schema: string;
  js: JetStreamClient;
  names: MessagingNames;
  logger: StructuredLogger;
  metrics?: Pick<Metrics, 'eventsConsumed'>;
  intake: IntakeCaseService;
  relay: CommitListener;
  /** Messages handled at once; one sender's messages always in order. */
  concurrency: number;
}

/** The durable consumer of intake's events: each one becomes a case or an entry, exactly once. */
export function createIntakeConsumer(options: IntakeConsumerOptions): IdempotentConsumer<(typeof CONTRACTS)[number]> {
  const { intake, logger } = options;
  return new IdempotentConsumer({
    dataSource: options.dataSource,
    schema: options.schema,
    js: options.js,
    names: options.names,
    service: 'case-core',
    durable: 'case-core-intake',
    owner: 'intake',
    contracts: CONTRACTS,
    logger,
    metrics: options.metrics,
    concurrency: options.concurrency,
    orderKey: senderOf,
    onApplied: () => options.relay.nudge(),
    handle: async (envelope: IntakeEnvelope, manager) => {
      const ctx: RequestContext = { actor: envelope.actor, correlationId: envelope.correlationId };
      let outcome: IntakeCaseOutcome;
      switch (envelope.type) {
        case emailReceivedV1.subject:
          outcome = await intake.email(manager, envelope.data as EmailReceivedV1Data, ctx);
          break;
        case smsReceivedV1.subject:
          outcome = await intake.sms(manager, envelope.data as SmsReceivedV1Data, ctx);
          break;
        case socialMessageReceivedV1.subject:
          outcome = await intake.social(manager, envelope.data as SocialMessageReceivedV1Data, ctx);
          break;
        default:
          outcome = await intake.form(manager, envelope.data as FormSubmittedV1Data, ctx);
      }
      if (outcome.kind === 'ignored') {
        logger.info({ intakeEvent: envelope.id, reason: outcome.reason }, 'Inbound message made no case');
      }
    },
  });
}

/** One sender's messages keep their order (a reply must find the case its first message made). */
function senderOf(envelope: IntakeEnvelope): string {
  switch (envelope.type) {
    case emailReceivedV1.subject: {
      const data = envelope.data as EmailReceivedV1Data;
      return `email:${(data.from[0]?.address ?? data.messageId).toLowerCase()}`;
    }
    case smsReceivedV1.subject:
      return `sms:${(envelope.data as SmsReceivedV1Data).from}`;
    case socialMessageReceivedV1.subject: {
      const data = envelope.data as SocialMessageReceivedV1Data;
      return data.postId ? `facebook:post:${data.postId}` : `facebook:user:${data.senderId}`;
    }
    default:
      return `form:${(envelope.data as FormSubmittedV1Data).intakeId}`;
  }
}
