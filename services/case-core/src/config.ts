import { MAIL_ATTACHMENTS_MAX_BYTES } from '@arende/contracts';
import { type ConfigOf, defineConfig, env } from '@arende/config';

export const caseCoreConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('case_core'), description: 'PostgreSQL schema owned by case-core' },
  DB_POOL_SIZE: { schema: env.int(16, 1, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8101), description: 'Port of /health/live, /health/ready and /metrics' },
  INTAKE_REOPEN_WINDOW_DAYS: {
    schema: env.int(14, 0, 365),
    description: "A customer's reply within this many days of closing reopens the case; later it opens a child case",
  },
  INTAKE_CONSUMER_CONCURRENCY: {
    schema: env.int(8, 1, 64),
    description: "Inbound messages turned into cases at once (one sender's messages always in order)",
  },
  DEFAULT_INBOX_ID: {
    schema: env.string('kundtjanst'),
    description: 'Inbox of a case registered without one, and of an inbound message routing did not place',
  },
  ROUTING_TIMEOUT_MS: {
    schema: env.int(1000, 50, 30_000),
    description: 'How long case-core waits for routing to answer one request (template match, template, inbox)',
  },
  ROUTING_ATTEMPTS: {
    schema: env.int(3, 1, 10),
    description:
      'Attempts to reach routing before an inbound message is registered unrouted in the default inbox (backoff 100 ms, then ×4)',
  },
  REFERRAL_REPLY_DAYS: {
    schema: env.int(14, 1, 365),
    description: 'Days a referral has to be answered when the sender gives no reply-by date',
  },
  REFERRAL_ATTACHMENTS_MAX_BYTES: {
    schema: env.int(MAIL_ATTACHMENTS_MAX_BYTES, 1, 1_000_000_000),
    description:
      'Bytes of attachments a referral may send, together; more is 413 REQUEST.TOO_LARGE (keep it at or below notifications’ MAIL_ATTACHMENTS_MAX_BYTES)',
  },
  REFERRAL_MESSAGE_ID_DOMAIN: {
    schema: env.string('arende.invalid'),
    description: 'Domain of the Message-IDs referral mails are sent with (a reply naming one threads back)',
  },
  INBOX_CACHE_SECONDS: {
    schema: env.int(10, 0, 3600),
    description: "Seconds an inbox's settings from routing (kind, assignment mode) are reused before asking again",
  },
  CLOSE_UNANSWERED_WARNING: {
    schema: env.bool(true),
    description:
      'Closing a case whose customer wants an answer and was neither answered nor contacted needs confirmUnanswered (409 CASE.CUSTOMER_NOT_ANSWERED otherwise)',
  },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
});

export type CaseCoreConfig = ConfigOf<typeof caseCoreConfig>;
