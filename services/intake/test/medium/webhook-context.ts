import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventContract } from '@arende/contracts';
import { OutboxRelay, ensureStreams, outboxTablesSql } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import { type TestContext, createTestContext, expectEventually, readStream } from '@arende/testing';
import type { z } from 'zod';
import { FileSystemBlobStore } from '@arende/blobs';
import type { WebhookChannelOptions } from '../../src/http/webhook-config.js';
import { type WebhookServer, startWebhookServer } from '../../src/http/webhook-server.js';
import { SCHEMA } from '../../src/schema.js';
import type { LogLine } from './intake-context.js';

/** Secrets made fresh for each test file; the server under test is configured with them. */
export interface TestSecrets {
  smsUser: string;
  smsPassword: string;
  facebookAppSecret: string;
  facebookVerifyToken: string;
  telephonyToken: string;
}

export const PAGE_ID = '104857600000001';
export const FORM_MAX_FILE_BYTES = 64 * 1024;
export const FORM_MAX_TOTAL_BYTES = 100 * 1024;
export const FORM_MAX_FILES = 3;
export const ALLOWED_ORIGIN = 'https://www.kommun.test';

export interface InboundRow {
  id: string;
  channel: string;
  message_id: string;
  raw_blob_key: string;
  from_address: string | null;
  rcpt_to: string[];
}

export interface QuarantineRow {
  id: string;
  channel: string;
  reason: string;
  raw_blob_key: string;
  raw_size: string;
  envelope: Record<string, unknown>;
}

export interface WebhookTestContext extends TestContext {
  server: WebhookServer;
  secrets: TestSecrets;
  blobs: FileSystemBlobStore;
  logs: LogLine[];
  url(path: string): string;
  /** The data of the events of a contract in the outbox, in order. */
  outboxData<T extends z.ZodType>(contract: EventContract<T>): Promise<z.output<T>[]>;
  /** Waits until the relay has published events of a contract matching `where` to JetStream, parsed by the contract. */
  published<T extends z.ZodType>(
    contract: EventContract<T>,
    where: (data: z.output<T>) => boolean,
  ): Promise<z.output<T>>;
  inbound(channel: string): Promise<InboundRow[]>;
  quarantined(channel: string): Promise<QuarantineRow[]>;
  /** Starts a second server on the same database with other channel options. */
  startServer(options: Partial<WebhookChannelOptions>): Promise<WebhookServer>;
}

/** The webhook server on its own database and NATS prefix, its relay publishing, listening on a free port. */
export async function createWebhookTestContext(): Promise<WebhookTestContext> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['intake']);
  const blobDir = await mkdtemp(join(tmpdir(), 'intake-webhook-test-'));
  const logs: LogLine[] = [];
  const record =
    (level: LogLine['level']) =>
    (_fields: object, message: string): void =>
      void logs.push({ level, message });
  const logger: StructuredLogger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const relay = new OutboxRelay({
    dataSource: ctx.dataSource,
    js: ctx.js,
    names: ctx.names,
    logger,
    pollIntervalMs: 50,
  });
  relay.start();
  const blobs = new FileSystemBlobStore(blobDir);
  const secret = (bytes: number): string => randomBytes(bytes).toString('hex');
  const secrets: TestSecrets = {
    smsUser: `elks-${secret(4)}`,
    smsPassword: secret(16),
    facebookAppSecret: secret(16),
    facebookVerifyToken: secret(8),
    telephonyToken: secret(24),
  };
  const defaults: WebhookChannelOptions = {
    host: '127.0.0.1',
    port: 0,
    sms46elks: { user: secrets.smsUser, password: secrets.smsPassword },
    facebook: { appSecret: secrets.facebookAppSecret, verifyToken: secrets.facebookVerifyToken, pageId: PAGE_ID },
    telephony: { token: secrets.telephonyToken },
    forms: {
      allowedOrigins: [ALLOWED_ORIGIN],
      maxFileBytes: FORM_MAX_FILE_BYTES,
      maxFiles: FORM_MAX_FILES,
      maxTotalBytes: FORM_MAX_TOTAL_BYTES,
    },
  };
  const servers: WebhookServer[] = [];
  const startServer = async (options: Partial<WebhookChannelOptions>): Promise<WebhookServer> => {
    const server = await startWebhookServer({
      ...defaults,
      ...options,
      dataSource: ctx.dataSource,
      schema: SCHEMA.schema,
      blobs,
      relay,
      logger,
    });
    servers.push(server);
    return server;
  };
  const server = await startServer({});
  return {
    ...ctx,
    server,
    secrets,
    blobs,
    logs,
    startServer,
    url: (path) => `http://127.0.0.1:${server.port}${path}`,
    outboxData: async (contract) => {
      const rows = await ctx.dataSource.query<{ payload: unknown }[]>(
        `SELECT payload FROM intake.outbox WHERE subject = $1 ORDER BY seq`,
        [contract.subject],
      );
      return rows.map((row) => contract.data.parse((row.payload as { data: unknown }).data));
    },
    published: async (contract, where) => {
      let found: z.output<typeof contract.data> | undefined;
      await expectEventually(async () => {
        const messages = await readStream(ctx.js, ctx.jsm, ctx.names.stream('intake'));
        found = messages
          .filter((m) => m.subject === ctx.names.subject(contract.subject))
          .map((m) => contract.data.parse(contract.envelope.parse(m.json) && (m.json as { data: unknown }).data))
          .find(where);
        expect(found).toBeDefined();
      });
      return found as z.output<typeof contract.data>;
    },
    inbound: (channel) =>
      ctx.dataSource.query<InboundRow[]>(
        `SELECT id, channel, message_id, raw_blob_key, from_address, rcpt_to FROM intake.inbound_message
         WHERE channel = $1 ORDER BY received_at, id`,
        [channel],
      ),
    quarantined: (channel) =>
      ctx.dataSource.query<QuarantineRow[]>(
        `SELECT id, channel, reason, raw_blob_key, raw_size, envelope FROM intake.quarantined_message
         WHERE channel = $1 ORDER BY received_at, id`,
        [channel],
      ),
    close: async () => {
      for (const s of servers) await s.close();
      await relay.stop();
      await ctx.close();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}

/** `Authorization: Basic …` for a user and password. */
export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
