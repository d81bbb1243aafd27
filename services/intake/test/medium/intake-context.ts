import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { OutboxRelay, ensureStreams, outboxTablesSql } from '@arende/messaging';
import { type Metrics, createMetrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import { type TestContext, createTestContext } from '@arende/testing';
import { FileSystemBlobStore } from '@arende/blobs';
import { SCHEMA } from '../../src/schema.js';
import { IntakeService } from '../../src/services/intake.service.js';
import { type SmtpListener, startSmtpListener } from '../../src/smtp/smtp-listener.js';

export const INTAKE_ADDRESS = 'kundtjanst@kommun.test';
export const MAX_MESSAGE_BYTES = 256 * 1024;

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

export interface IntakeTestContext extends TestContext {
  smtp: SmtpListener;
  blobs: FileSystemBlobStore;
  logs: LogLine[];
  metrics: Metrics;
  /** Sends a raw message over SMTP; resolves with the server's answer, rejects with its error. */
  send(raw: string, to?: string[]): Promise<string>;
  startListener(intake: Pick<IntakeService, 'receive'>): Promise<SmtpListener>;
}

/** The intake service on its own database and NATS prefix, its relay publishing, the listener on a free port. */
export async function createIntakeTestContext(): Promise<IntakeTestContext> {
  const ctx = await createTestContext({ ...SCHEMA, templateSalt: outboxTablesSql('salt').up.join(';') });
  await ensureStreams(ctx.jsm, ctx.names, ['intake']);
  const blobDir = await mkdtemp(join(tmpdir(), 'intake-test-'));
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
  const intake = new IntakeService(ctx.dataSource, blobs, relay, logger, SCHEMA.schema);
  const listeners: SmtpListener[] = [];
  const metrics = createMetrics('intake-test');
  const startListener = async (service: Pick<IntakeService, 'receive'>): Promise<SmtpListener> => {
    const listener = await startSmtpListener({
      host: '127.0.0.1',
      port: 0,
      addresses: [INTAKE_ADDRESS],
      maxMessageBytes: MAX_MESSAGE_BYTES,
      intake: service,
      logger,
      metrics,
    });
    listeners.push(listener);
    return listener;
  };
  const smtp = await startListener(intake);
  const transport = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  return {
    ...ctx,
    smtp,
    blobs,
    logs,
    metrics,
    startListener,
    send: async (raw, to = [INTAKE_ADDRESS]) => {
      const info = await transport.sendMail({ envelope: { from: 'avsandare@example.se', to }, raw });
      return info.response;
    },
    close: async () => {
      transport.close();
      for (const listener of listeners) await listener.close();
      await relay.stop();
      await ctx.close();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}

/** A message with CRLF line ends from lines. */
export function mail(...lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}
