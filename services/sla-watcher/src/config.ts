import { z } from 'zod';
import { type ConfigOf, defineConfig, env } from '@arende/config';

const timeOfDay = z.string().regex(/^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM');

export const slaWatcherConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('sla_watcher'), description: 'PostgreSQL schema owned by sla-watcher' },
  DB_POOL_SIZE: { schema: env.int(10, 2, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8107), description: 'Port of /health/live, /health/ready and /metrics' },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
  OUTBOX_POLL_MS: {
    schema: env.int(5_000, 50, 600_000),
    description:
      'Fallback poll of the outbox relay; every commit that writes an event nudges it at once, so this only bounds a lost nudge (and keeps idle CPU low)',
  },
  MAX_SLEEP_SECONDS: {
    schema: env.int(30, 1, 3600),
    description:
      'Longest sleep of the timer loop when nothing is due sooner; PostgreSQL NOTIFY wakes it early for nearer timers',
  },
  FIRE_BATCH_SIZE: { schema: env.int(200, 1, 10_000), description: 'Due timers claimed per transaction' },
  TIMER_RETENTION_DAYS: {
    schema: env.int(90, 1, 3650),
    description: 'Days a fired timer is kept (a deadline it fired for never reminds again meanwhile)',
  },
  RPC_RETRY_SECONDS: {
    schema: env.int(60, 1, 86_400),
    description: 'When reopening or closing a case through case-core fails, try again after this long',
  },
  ACKNOWLEDGE_MINUTES: {
    schema: env.int(240, 1, 525_600),
    description: 'Business minutes a distributed case may wait for its acknowledgement (kvittens)',
  },
  CUSTOMER_CONTACT_MINUTES: {
    schema: env.int(480, 1, 525_600),
    description: 'Business minutes the receiver of a distributed case has to mark that the customer was contacted',
  },
  ESCALATE_AFTER_MINUTES: {
    schema: env.int(240, 1, 525_600),
    description: 'Business minutes a reminder may be ignored before it is escalated to the supervisor',
  },
  SUPERVISOR_EMAIL: {
    schema: z.email().optional(),
    description: 'Where escalations go when the inbox has no supervisor of its own',
  },
  SUPERVISOR_EMAILS: {
    schema: z
      .string()
      .regex(/^([A-Za-z0-9_.:-]+=[^,=\s]+@[^,=\s]+)?(,[A-Za-z0-9_.:-]+=[^,=\s]+@[^,=\s]+)*$/, 'inbox=address,…')
      .optional(),
    description: 'Supervisors per inbox, `inbox=address,inbox=address`: where escalations of that inbox go',
  },
  CUSTOMER_SERVICE_INBOX_ID: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
      .optional(),
    description: 'The customer-service inbox, told of reminders on cases that did not come from another inbox',
  },
  CUSTOMER_SERVICE_EMAIL: {
    schema: z.email().optional(),
    description: 'Customer service, told of every reminder when the case did not come from another inbox',
  },
  DEFAULT_CALENDAR_ID: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
      .optional(),
    description:
      'The stored calendar of cases whose template names none; unset (or not stored): weekdays 08:00–17:00, closed on Swedish holidays',
  },
  DAILY_REPORT_TIME: {
    schema: timeOfDay.default('07:00'),
    description: 'Local time (Europe/Stockholm) of the morning follow-up report to every inbox',
  },
  DAILY_REPORT_ENABLED: { schema: env.bool(true), description: 'Whether the morning follow-up report is sent' },
});

export type SlaWatcherConfig = ConfigOf<typeof slaWatcherConfig>;
