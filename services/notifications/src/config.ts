import { z } from 'zod';
import { blobStoreConfig } from '@arende/blobs';
import { type ConfigOf, defineConfig, env } from '@arende/config';
import { MAIL_ATTACHMENTS_MAX_BYTES } from '@arende/contracts';

export const notificationsConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('notifications'), description: 'PostgreSQL schema owned by notifications' },
  DB_POOL_SIZE: { schema: env.int(10, 1, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8106), description: 'Port of /health/live, /health/ready and /metrics' },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
  SMTP_URL: {
    schema: env.url('smtp://127.0.0.1:2526'),
    description:
      "The mail relay outbound mail is handed to (smtp:// or smtps://, credentials in the URL); the city's relay in production, the local SMTP sink by default",
    sensitive: true,
  },
  MAIL_FROM: {
    schema: env.string('Kundtjänst <kundtjanst@kommun.example>'),
    description: 'From header of outbound mail',
  },
  MAIL_REPLY_TO: {
    schema: z.email().default('kundtjanst@kommun.example'),
    description: "Reply-To of outbound mail: an address intake listens on, so a customer's reply threads back",
  },
  MESSAGE_ID_DOMAIN: {
    schema: env.string('arende.kommun.example'),
    description: 'Domain of the Message-IDs outbound mail is sent with',
  },
  SEND_MAX_ATTEMPTS: {
    schema: env.int(8, 1, 50),
    description: 'Attempts before a message that keeps failing temporarily is given up as failed',
  },
  SEND_RETRY_BASE_MS: {
    schema: env.int(30_000, 10, 86_400_000),
    description: 'Pause before the first retry; it doubles with every further attempt (capped at 6 hours)',
  },
  SEND_POLL_MS: {
    schema: env.int(1000, 10, 60_000),
    description: 'How often a replica looks for queued messages that are due (a new message is sent at once)',
  },
  AUTO_REPLY_SUPPRESSION_DAYS: {
    schema: env.int(14, 1, 3650),
    description: 'Days an address that answered automatically (out of office) gets no mail from the platform',
  },
  MAIL_ATTACHMENTS_MAX_BYTES: {
    schema: env.int(MAIL_ATTACHMENTS_MAX_BYTES, 1, 1_000_000_000),
    description:
      "Bytes of the case's attachments one distribution or referral mail carries, together; the rest are named in the mail as too large to send",
  },
  ...blobStoreConfig,
  PORTAL_CASE_URL: {
    schema: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'an http(s) URL, with {number} where the case number goes')
      .optional(),
    description:
      'Link to a case in the citizen portal for customer notices, with {number} for the case number (e.g. https://minasidor.kommun.se/arenden/{number}); unset: no link',
  },
  SMS_46ELKS_URL: {
    schema: env.url('https://api.46elks.com'),
    description: "Base URL of 46elks' API (text messages are POSTed to /a1/sms)",
  },
  SMS_46ELKS_USER: {
    schema: z.string().min(1).optional(),
    description: '46elks API username; unset: no text messages are sent (they fail with SMS.NOT_CONFIGURED)',
  },
  SMS_46ELKS_PASSWORD: { schema: z.string().min(1).optional(), description: '46elks API password', sensitive: true },
  SMS_FROM: {
    schema: z
      .string()
      .regex(
        /^([A-Za-z][A-Za-z0-9]{1,10}|\+[1-9]\d{6,14})$/,
        'an alphanumeric sender of 2–11 characters or an E.164 number',
      )
      .default('Kommunen'),
    description: 'Sender of text messages: a name (2–11 letters and digits) or a 46elks number',
  },
  ALARM_SMS: {
    schema: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'E.164, like +46701234567')
      .optional(),
    description: "Where a template's alarm is sent as a text message (the on-call phone); unset: no alarm SMS",
  },
  ALARM_EMAIL: {
    schema: z.email().optional(),
    description:
      "Where a template's alarm (e.g. a water leak reported) is mailed, such as the on-call supervisor; unset: no alarm mail",
  },
});

export type NotificationsConfig = ConfigOf<typeof notificationsConfig>;
