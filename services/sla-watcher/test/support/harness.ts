import type { INestApplicationContext } from '@nestjs/common';
import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import {
  type CaseView,
  type EventContract,
  SYSTEM_ACTOR,
  caseRegisteredV1,
  exampleCase,
  slaReminderV1,
} from '@arende/contracts';
import { loadConfig } from '@arende/config';
import { ensureStreams, outboxTablesSql } from '@arende/messaging';
import { createLogger, createMetrics } from '@arende/observability';
import { createDataSource } from '@arende/persistence';
import { type TestContext, createTestContext, readStream } from '@arende/testing';
import type { DataSource } from 'typeorm';
import { startSlaWatcher } from '../../src/boot.js';
import { ManualClock } from '../../src/clock.js';
import { slaWatcherConfig } from '../../src/config.js';
import { SCHEMA } from '../../src/schema.js';

export type Reminder = z.output<(typeof slaReminderV1)['data']>;

export interface Harness {
  ctx: TestContext;
  clock: ManualClock;
  /** Starts a watcher (a replica) on the test database; `env` overrides config. */
  start(env?: Record<string, string>, options?: { ownPool?: boolean }): Promise<INestApplicationContext>;
  /** Publishes a case event as case-core would, `occurredAt` = the clock's now unless given. */
  publish<C extends EventContract>(contract: C, data: z.input<C['data']>, occurredAt?: Date): Promise<void>;
  register(overrides?: Partial<CaseView>): Promise<CaseView>;
  reminders(): Promise<Reminder[]>;
  /** Stops one replica. */
  stop(app: INestApplicationContext): Promise<void>;
  /** Rows of the timer table. */
  timers(
    where?: string,
  ): Promise<Array<{ key: string; kind: string; stage: string; due_at: Date; fired_at: Date | null }>>;
  close(): Promise<void>;
}

let sequence = 0;

/** A case number of its own per call. */
export function nextNumber(): string {
  sequence += 1;
  return `2026-${String(900000 + sequence).padStart(6, '0')}`;
}

export async function createHarness(start: string): Promise<Harness> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['sla', 'case']);
  const clock = new ManualClock(start);
  const apps: INestApplicationContext[] = [];
  const pools: DataSource[] = [];
  const harness: Harness = {
    ctx,
    clock,
    async start(env = {}, options = {}) {
      let dataSource = ctx.dataSource;
      if (options.ownPool) {
        dataSource = createDataSource({ ...SCHEMA, url: ctx.databaseUrl, poolSize: 5 });
        await dataSource.initialize();
        pools.push(dataSource);
      }
      const app = await startSlaWatcher({
        config: loadConfig(slaWatcherConfig, {
          NATS_PREFIX: ctx.prefix,
          DATABASE_URL: ctx.databaseUrl,
          DAILY_REPORT_ENABLED: 'false',
          ACKNOWLEDGE_MINUTES: '60',
          CUSTOMER_CONTACT_MINUTES: '120',
          ESCALATE_AFTER_MINUTES: '30',
          SUPERVISOR_EMAIL: 'chef@kommun.example',
          ...env,
        }),
        dataSource,
        nc: ctx.nc,
        js: ctx.js,
        names: ctx.names,
        logger: createLogger({ service: 'sla-watcher', level: 'silent' }),
        metrics: createMetrics('sla-watcher'),
        clock,
      });
      apps.push(app);
      return app;
    },
    async publish(contract, data, occurredAt) {
      const envelope = contract.envelope.parse({
        id: uuidv7(),
        type: contract.subject,
        occurredAt: (occurredAt ?? clock.now()).toISOString(),
        correlationId: uuidv7(),
        causationId: null,
        actor: SYSTEM_ACTOR,
        data,
      });
      await ctx.js.publish(ctx.names.subject(contract.subject), JSON.stringify(envelope), { msgID: envelope.id });
    },
    async register(overrides = {}) {
      const at = clock.now().toISOString();
      const view: CaseView = {
        ...exampleCase,
        id: uuidv7(),
        number: nextNumber(),
        registeredAt: at,
        updatedAt: at,
        ...overrides,
      };
      await harness.publish(caseRegisteredV1, view);
      return view;
    },
    async reminders() {
      const messages = await readStream(ctx.js, ctx.jsm, ctx.names.stream('sla'));
      return messages
        .filter((m) => m.subject === ctx.names.subject(slaReminderV1.subject))
        .map((m) => slaReminderV1.envelope.parse(m.json).data);
    },
    async stop(app) {
      apps.splice(apps.indexOf(app), 1);
      await app.close();
    },
    timers(where = 'true') {
      return ctx.dataSource.query(
        `SELECT key, kind, stage, due_at, fired_at FROM sla_watcher.timer WHERE ${where} ORDER BY due_at, key`,
      );
    },
    async close() {
      for (const app of apps.splice(0)) await app.close();
      for (const pool of pools.splice(0)) await pool.destroy();
      await ctx.close();
    },
  };
  return harness;
}
