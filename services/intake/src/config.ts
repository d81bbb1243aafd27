import { z } from 'zod';
import { blobStoreConfig } from '@arende/blobs';
import { type ConfigOf, defineConfig, env } from '@arende/config';
import { webhookConfig } from './http/webhook-config.js';

export const intakeConfig = defineConfig({
  DATABASE_URL: {
    schema: env.url('postgres://postgres@127.0.0.1:5432/arende'),
    description: 'PostgreSQL connection URL (the database holding every service schema)',
    sensitive: true,
  },
  DB_SCHEMA: { schema: env.identifier('intake'), description: 'PostgreSQL schema owned by intake' },
  DB_POOL_SIZE: { schema: env.int(8, 1, 200), description: 'PostgreSQL connections per replica' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  OPS_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the health and metrics listener' },
  OPS_PORT: { schema: env.port(8103), description: 'Port of /health/live, /health/ready and /metrics' },
  SMTP_HOST: { schema: env.string('127.0.0.1'), description: 'Address the SMTP listener binds to (internal network)' },
  SMTP_PORT: { schema: env.port(2525), description: 'Port of the SMTP listener' },
  INTAKE_ADDRESSES: {
    schema: z
      .string()
      .default('kundtjanst@kommun.example')
      .transform((value) =>
        value
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter((a) => a.length > 0),
      )
      .pipe(z.array(z.email()).min(1)),
    description: 'Recipient addresses accepted (comma-separated); any other gets 550 at RCPT TO',
  },
  INTAKE_MAX_MESSAGE_BYTES: {
    schema: env.int(25 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    description: 'Largest message accepted (SMTP SIZE extension; 552 above it)',
  },
  IMAP_ENABLED: { schema: env.bool(false), description: 'Poll a shared mailbox over IMAP besides the SMTP listener' },
  IMAP_HOST: { schema: env.string('127.0.0.1'), description: 'IMAP server of the shared mailbox' },
  IMAP_PORT: { schema: env.port(993), description: 'IMAP server port' },
  IMAP_SECURE: { schema: env.bool(true), description: 'TLS from the first byte (port 993); false for plain IMAP' },
  IMAP_USER: { schema: z.string().default(''), description: 'IMAP login (required when IMAP_ENABLED)' },
  IMAP_PASSWORD: {
    schema: z.string().default(''),
    description: 'IMAP password (required when IMAP_ENABLED)',
    sensitive: true,
  },
  IMAP_MAILBOX: { schema: env.string('INBOX'), description: 'Folder polled for new mail' },
  IMAP_PROCESSED_MAILBOX: {
    schema: env.string('Arende/Behandlade'),
    description: 'Folder a message is moved to once intake has it (levels separated by /; created when missing)',
  },
  IMAP_ADDRESS: {
    schema: z.email().default('kundtjanst@kommun.example'),
    description: "The shared mailbox's e-mail address, recorded as the recipient of polled mail",
  },
  OUTBOX_RETENTION_DAYS: {
    schema: env.int(7, 1, 365),
    description: 'Days a published event is kept in the outbox for `replay`',
  },
  ...blobStoreConfig,
  ...webhookConfig,
});

export type IntakeConfig = ConfigOf<typeof intakeConfig>;
