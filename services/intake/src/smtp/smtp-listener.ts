import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { IntakeService, SmtpEnvelope } from '../services/intake.service.js';

export interface SmtpListenerOptions {
  host: string;
  port: number;
  /** Accepted recipients, lower case. */
  addresses: readonly string[];
  maxMessageBytes: number;
  intake: Pick<IntakeService, 'receive'>;
  logger: StructuredLogger;
  metrics?: Pick<Metrics, 'inboundMessages'>;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The SMTP listener the city's mail server relays to. No AUTH and no STARTTLS: it listens on the internal
 * network only. It answers 250 to DATA only after the message is committed (or quarantined), 451 when that
 * failed for a temporary reason, so an accepted message is never lost.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const accepted = new Set(options.addresses.map((a) => a.toLowerCase()));
  const count = (outcome: string) => options.metrics?.inboundMessages.labels('email', outcome).inc();
  const server = new SMTPServer({
    name: 'arende-intake',
    banner: 'Ärende intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxMessageBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (accepted.has(address.address.toLowerCase())) return callback();
      count('refused');
      callback(smtpError('Mailbox unavailable', 550));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      readAll(stream).then(
        async (raw) => {
          if (stream.sizeExceeded) {
            count('refused');
            callback(smtpError('Message exceeds fixed maximum message size', 552));
            return;
          }
          const envelope: SmtpEnvelope = {
            mailFrom: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address || null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress,
            clientHostname: session.clientHostname,
            heloName: session.hostNameAppearsAs || null,
          };
          try {
            const outcome = await options.intake.receive(raw, envelope);
            count(outcome.kind);
            callback(null, outcome.kind === 'accepted' ? `Queued as ${outcome.intakeId}` : 'Accepted');
          } catch (error) {
            count('failed');
            options.logger.error({ err: error }, 'Message not stored; the sender will retry');
            callback(smtpError('Temporary failure, try again later', 451));
          }
        },
        (error: unknown) => {
          options.logger.warn({ err: error }, 'Reading a message failed');
          callback(smtpError('Temporary failure, try again later', 451));
        },
      );
    },
  });
  // Without this a client resetting its connection (ECONNRESET) kills the process.
  server.on('error', (error) => options.logger.warn({ err: error }, 'SMTP connection error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
