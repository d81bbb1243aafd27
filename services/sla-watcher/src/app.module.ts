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
import type { Logger, Metrics } from '@arende/observability';
import { type IdempotentConsumer, type MessagingNames, OutboxRelay, RpcClient, RpcServer } from '@arende/messaging';
import type { EventContract } from '@arende/contracts';
import { type Clock, systemClock } from './clock.js';
import type { SlaWatcherConfig } from './config.js';
import { createCaseEventsConsumer } from './handlers/case-events.handler.js';
import { CalendarHandler } from './handlers/calendar.handler.js';
import { SlaHandler } from './handlers/sla.handler.js';
import { TimerRepository } from './repositories/timer.repository.js';
import { TrackedCaseRepository } from './repositories/tracked-case.repository.js';
import { CalendarService } from './services/calendar.service.js';
import { CaseLookupService } from './services/case-lookup.service.js';
import { CaseProjectionService } from './services/case-projection.service.js';
import { FollowUpService } from './services/follow-up.service.js';
import { parseSupervisors } from './services/recipients.js';
import { TimerLoop } from './services/timer-loop.service.js';
import { WatchService } from './services/watch.service.js';

/** What sla-watcher runs on; main.ts connects it, tests hand in their own (and a manual clock). */
export interface SlaWatcherInfrastructure {
  config: SlaWatcherConfig;
  dataSource: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  names: MessagingNames;
  logger: Logger;
  metrics: Metrics;
  /** Default: the system clock. */
  clock?: Clock;
}

const INFRASTRUCTURE = Symbol('SlaWatcherInfrastructure');
const CASE_CONSUMER = Symbol('CaseEventsConsumer');

/** Starts and stops what listens and what runs: the RPC subjects, the case consumer, the relay, the timer loop. */
class SlaWatcherLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(INFRASTRUCTURE) private readonly infra: SlaWatcherInfrastructure,
    @Inject(SlaHandler) private readonly handler: SlaHandler,
    @Inject(CalendarHandler) private readonly calendarHandler: CalendarHandler,
    @Inject(CASE_CONSUMER) private readonly consumer: IdempotentConsumer<EventContract>,
    @Inject(TimerLoop) private readonly loop: TimerLoop,
    @Inject(FollowUpService) private readonly followUps: FollowUpService,
    @Inject(RpcServer) private readonly rpc: RpcServer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { dataSource, config } = this.infra;
    if (config.DAILY_REPORT_ENABLED) {
      const now = (this.infra.clock ?? systemClock).now();
      await dataSource.transaction((manager) => this.followUps.scheduleDailyReport(manager, now));
    }
    this.relay.start();
    this.handler.listen();
    this.calendarHandler.listen();
    await this.consumer.start();
    await this.loop.start();
    this.infra.logger.info({ prefix: this.infra.names.prefix }, 'sla-watcher listening');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
    await this.consumer.stop();
    await this.loop.stop();
    await this.relay.stop();
  }
}

@Module({})
export class AppModule {
  static forRoot(infra: SlaWatcherInfrastructure): DynamicModule {
    const { config } = infra;
    const schema = config.DB_SCHEMA;
    const clock = infra.clock ?? systemClock;
    const timers = new TimerRepository(infra.dataSource, schema);
    const cases = new TrackedCaseRepository(infra.dataSource, schema);
    const calendars = new CalendarService(schema, config.DEFAULT_CALENDAR_ID);
    const watches = new WatchService(cases, timers);
    const rpcClient = new RpcClient({ nc: infra.nc, names: infra.names });
    const relay = new OutboxRelay({
      dataSource: infra.dataSource,
      schema,
      js: infra.js,
      names: infra.names,
      logger: infra.logger,
      retentionDays: config.OUTBOX_RETENTION_DAYS,
      pollIntervalMs: config.OUTBOX_POLL_MS,
      metrics: infra.metrics,
    });
    const followUps = new FollowUpService(
      cases,
      timers,
      calendars,
      rpcClient,
      {
        escalateAfterMinutes: config.ESCALATE_AFTER_MINUTES,
        rpcRetryMs: config.RPC_RETRY_SECONDS * 1000,
        dailyReportTime: config.DAILY_REPORT_TIME,
        recipients: {
          customerServiceInboxId: config.CUSTOMER_SERVICE_INBOX_ID,
          customerServiceEmail: config.CUSTOMER_SERVICE_EMAIL,
          supervisorEmail: config.SUPERVISOR_EMAIL,
          supervisors: parseSupervisors(config.SUPERVISOR_EMAILS),
        },
      },
      schema,
      infra.logger,
      watches,
    );
    const loop = new TimerLoop({
      dataSource: infra.dataSource,
      databaseUrl: config.DATABASE_URL,
      schema,
      timers,
      fire: (manager, timer, now) => followUps.fire(manager, timer, now),
      clock,
      logger: infra.logger,
      maxSleepMs: config.MAX_SLEEP_SECONDS * 1000,
      batchSize: config.FIRE_BATCH_SIZE,
      retentionMs: config.TIMER_RETENTION_DAYS * 86_400_000,
      onFired: () => relay.nudge(),
    });
    const projection = new CaseProjectionService(cases, timers, calendars, followUps, watches, {
      acknowledgeMinutes: config.ACKNOWLEDGE_MINUTES,
      customerContactMinutes: config.CUSTOMER_CONTACT_MINUTES,
    });
    const lookup = new CaseLookupService(cases, projection, rpcClient, clock);
    watches.useReminders(followUps, lookup);
    const rpc = new RpcServer({
      nc: infra.nc,
      names: infra.names,
      service: 'sla-watcher',
      logger: infra.logger,
      metrics: infra.metrics,
    });
    const consumer = createCaseEventsConsumer({
      dataSource: infra.dataSource,
      schema,
      js: infra.js,
      names: infra.names,
      logger: infra.logger,
      metrics: infra.metrics,
      projection,
      clock,
      onApplied: () => {
        relay.nudge();
        loop.wake();
      },
    });
    const wake = () => {
      relay.nudge();
      loop.wake();
    };
    return {
      module: AppModule,
      providers: [
        { provide: INFRASTRUCTURE, useValue: infra },
        { provide: OutboxRelay, useValue: relay },
        { provide: RpcServer, useValue: rpc },
        { provide: TimerLoop, useValue: loop },
        { provide: FollowUpService, useValue: followUps },
        { provide: CASE_CONSUMER, useValue: consumer },
        {
          provide: SlaHandler,
          useValue: new SlaHandler(rpc, infra.dataSource, cases, timers, watches, lookup, clock, wake),
        },
        { provide: CalendarHandler, useValue: new CalendarHandler(rpc, infra.dataSource, clock) },
        SlaWatcherLifecycle,
      ],
    };
  }
}
