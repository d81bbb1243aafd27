import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import { type BlobStore, createBlobStore } from '@arende/blobs';
import {
  caseAlarmRaisedV1,
  caseAssignedV1,
  caseClosedV1,
  caseDistributedV1,
  referralSentV1,
  emailReceivedV1,
  slaDailyReportV1,
  slaReminderV1,
} from '@arende/contracts';
import type { Logger, Metrics } from '@arende/observability';
import {
  type EnvelopeOf,
  IdempotentConsumer,
  type MessagingNames,
  OutboxRelay,
  RpcClient,
  RpcServer,
} from '@arende/messaging';
import type { NotificationsConfig } from './config.js';
import { NotificationsHandler } from './handlers/notifications.handler.js';
import { MailSender } from './mail/mail-sender.js';
import { ElksSender } from './sms/elks-sender.js';
import { MessageRepository } from './repositories/message.repository.js';
import { SuppressionRepository } from './repositories/suppression.repository.js';
import { MessageTemplateRepository } from './repositories/message-template.repository.js';
import { SignatureRepository } from './repositories/signature.repository.js';
import { CaseMailService } from './services/case-mail.service.js';
import { CustomerNoticeService } from './services/customer-notice.service.js';
import { DeliveryWorker } from './services/delivery-worker.js';
import { FollowUpService } from './services/follow-up.service.js';
import { MessageService } from './services/message.service.js';
import { MessageTemplateService } from './services/message-template.service.js';
import { SuppressionService } from './services/suppression.service.js';

/** What notifications runs on; main.ts connects it, tests hand in their own. */
export interface NotificationsInfrastructure {
  config: NotificationsConfig;
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
}

const INFRASTRUCTURE = Symbol('NotificationsInfrastructure');
const CONSUMERS = Symbol('NotificationsConsumers');
const BLOBS = Symbol('NotificationsBlobs');

/** Starts and stops what listens and what runs on its own: RPC subjects, consumers, the relay, the sender. */
class NotificationsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: NotificationsInfrastructure,
    @Inject(NotificationsHandler) private readonly handler: NotificationsHandler,
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DeliveryWorker) private readonly worker: DeliveryWorker,
    @Inject(CONSUMERS) private readonly consumers: IdempotentConsumer<never>[],
    @Inject(MailSender) private readonly mail: MailSender,
    @Inject(BLOBS) private readonly blobs: BlobStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    this.handler.listen();
    for (const consumer of this.consumers) await consumer.start();
    this.worker.start();
    this.infra.logger.info({ prefix: this.infra.names.prefix }, 'notifications listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
    for (const consumer of this.consumers) await consumer.stop();
    await this.worker.stop();
    await this.relay.stop();
    this.mail.close();
    await this.blobs.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(infra: NotificationsInfrastructure): DynamicModule {
    const { config } = infra;
    const schema = config.DB_SCHEMA;
    const messages = new MessageRepository(schema);
    const suppressions = new SuppressionRepository(schema);
    const mail = new MailSender(config.SMTP_URL);
    const blobs = createBlobStore(config);
    const templates = new MessageTemplateService(
      infra.dataSource,
      new MessageTemplateRepository(schema),
      new SignatureRepository(schema),
    );
    const client = new RpcClient({ nc: infra.nc, names: infra.names });
    const relay = new OutboxRelay({
      dataSource: infra.dataSource,
      schema,
      js: infra.js,
      names: infra.names,
      logger: infra.logger,
      retentionDays: config.OUTBOX_RETENTION_DAYS,
      metrics: infra.metrics,
    });
    // The sender runs the service's deliveries; the service nudges the sender when it queued something.
    const worker = new DeliveryWorker(() => service.deliverDue(), config.SEND_POLL_MS, infra.logger);
    const service = new MessageService(
      infra.dataSource,
      messages,
      suppressions,
      mail,
      config.SMS_46ELKS_USER && config.SMS_46ELKS_PASSWORD
        ? new ElksSender({
            baseUrl: config.SMS_46ELKS_URL,
            user: config.SMS_46ELKS_USER,
            password: config.SMS_46ELKS_PASSWORD,
            from: config.SMS_FROM,
          })
        : null,
      templates,
      blobs,
      client,
      {
        from: config.MAIL_FROM,
        replyTo: config.MAIL_REPLY_TO,
        messageIdDomain: config.MESSAGE_ID_DOMAIN,
        maxAttempts: config.SEND_MAX_ATTEMPTS,
        retryBaseMs: config.SEND_RETRY_BASE_MS,
      },
      infra.logger,
      {
        nudge: () => {
          relay.nudge();
          worker.nudge();
        },
      },
    );
    const suppression = new SuppressionService(suppressions, messages, config.AUTO_REPLY_SUPPRESSION_DAYS);
    const followUp = new FollowUpService(
      service,
      client,
      { alarmEmail: config.ALARM_EMAIL, alarmSms: config.ALARM_SMS, outboxSchema: schema },
      infra.logger,
    );
    const caseMail = new CaseMailService(service, templates, client, infra.logger, config.MAIL_ATTACHMENTS_MAX_BYTES);
    const notices = new CustomerNoticeService(
      service,
      templates,
      client,
      { portalCaseUrl: config.PORTAL_CASE_URL },
      infra.logger,
    );
    const consumerBase = {
      dataSource: infra.dataSource,
      schema,
      js: infra.js,
      names: infra.names,
      service: 'notifications',
      logger: infra.logger,
      metrics: infra.metrics,
      // Queued messages are sent by the worker and events (in-app notifications) by the relay; tell both at once.
      onApplied: () => {
        relay.nudge();
        worker.nudge();
      },
    };
    const consumers = [
      new IdempotentConsumer({
        dataSource: infra.dataSource,
        schema,
        js: infra.js,
        names: infra.names,
        service: 'notifications',
        durable: 'notifications-suppression',
        contracts: [emailReceivedV1],
        handle: (envelope, manager) => suppression.emailReceived(envelope, manager),
        logger: infra.logger,
        metrics: infra.metrics,
      }),
      new IdempotentConsumer({
        ...consumerBase,
        durable: 'notifications-follow-up',
        contracts: [slaReminderV1, slaDailyReportV1],
        handle: (envelope, manager) =>
          envelope.type === slaReminderV1.subject
            ? followUp.reminder(envelope as EnvelopeOf<typeof slaReminderV1>, manager)
            : followUp.dailyReport(envelope as EnvelopeOf<typeof slaDailyReportV1>, manager),
      }),
      new IdempotentConsumer({
        ...consumerBase,
        durable: 'notifications-assignments',
        contracts: [caseAssignedV1],
        handle: (envelope, manager) => followUp.assigned(envelope, manager),
      }),
      new IdempotentConsumer({
        ...consumerBase,
        durable: 'notifications-alarms',
        contracts: [caseAlarmRaisedV1],
        handle: (envelope, manager) => followUp.alarm(envelope, manager),
      }),
      new IdempotentConsumer({
        ...consumerBase,
        durable: 'notifications-customer-notices',
        contracts: [caseDistributedV1, caseClosedV1],
        handle: (envelope, manager) =>
          envelope.type === caseDistributedV1.subject
            ? notices.distributed(envelope as EnvelopeOf<typeof caseDistributedV1>, manager)
            : notices.closed(envelope as EnvelopeOf<typeof caseClosedV1>, manager),
      }),
      new IdempotentConsumer({
        ...consumerBase,
        durable: 'notifications-case-mail',
        contracts: [caseDistributedV1, referralSentV1],
        handle: (envelope, manager) =>
          envelope.type === caseDistributedV1.subject
            ? caseMail.distributed(envelope as EnvelopeOf<typeof caseDistributedV1>, manager)
            : caseMail.referralSent(envelope as EnvelopeOf<typeof referralSentV1>, manager),
      }),
    ];
    return {
      module: AppModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infra },
        { provide: OutboxRelay, useValue: relay },
        { provide: MailSender, useValue: mail },
        { provide: BLOBS, useValue: blobs },
        { provide: DeliveryWorker, useValue: worker },
        { provide: CONSUMERS, useValue: consumers },
        {
          provide: RpcServer,
          useFactory: () =>
            new RpcServer({
              nc: infra.nc,
              names: infra.names,
              service: 'notifications',
              logger: infra.logger,
              metrics: infra.metrics,
            }),
        },
        { provide: MessageService, useValue: service },
        {
          provide: NotificationsHandler,
          useFactory: (rpc: RpcServer) => new NotificationsHandler(rpc, service, templates),
          inject: [RpcServer],
        },
        NotificationsLifecycle,
      ],
    };
  }
}
