import Fastify from 'fastify';
import type { DataSource } from 'typeorm';
import { DomainError } from '@arende/contracts';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { BlobStore } from '@arende/blobs';
import type { Nudger } from '../services/intake.service.js';
import { ChannelIntake } from '../webhooks/channel-intake.js';
import { FacebookIntakeService } from '../webhooks/facebook.service.js';
import { FormIntakeService } from '../webhooks/form.service.js';
import type { ChannelReprocessor } from '../webhooks/raw-payload.js';
import { SmsIntakeService } from '../webhooks/sms.service.js';
import { TelephonyIntakeService } from '../webhooks/telephony.service.js';
import { facebookController } from './facebook.controller.js';
import { formController } from './form.controller.js';
import { errorHandler, sendError } from './http-error.js';
import { smsController } from './sms.controller.js';
import { telephonyController } from './telephony.controller.js';
import type { WebhookChannelOptions } from './webhook-config.js';

export interface WebhookServerOptions extends WebhookChannelOptions {
  dataSource: DataSource;
  /** Intake's schema (`DB_SCHEMA`). */
  schema: string;
  blobs: BlobStore;
  relay: Nudger;
  logger: StructuredLogger;
  /** Counts accepted, duplicate and quarantined messages per channel in `inbound_messages_total`. */
  metrics?: Pick<Metrics, 'inboundMessages'>;
}

export interface WebhookServer {
  port: number;
  /** Re-runs a quarantined payload of a channel (for the quarantine's re-process); see `Reprocessor`. */
  reprocessors: { sms: ChannelReprocessor | null; facebook: ChannelReprocessor | null };
  close(): Promise<void>;
}

/**
 * The HTTP listener for SMS (46elks), Facebook, web forms and telephony hand-overs. A channel without its secret
 * is not registered at all, so its routes answer 404 like any unknown path: never open, and not a 5xx that a
 * provider would retry forever.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const channel = new ChannelIntake(
    options.dataSource,
    options.blobs,
    options.relay,
    options.logger,
    options.schema,
    options.metrics,
  );
  // No request log: these are hot paths; rejects are logged by the error handler.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024, routerOptions: { maxParamLength: 200 } });
  app.setErrorHandler(errorHandler(options.logger));
  app.setNotFoundHandler((_request, reply) => sendError(reply, new DomainError('REQUEST.NOT_FOUND', 'Not found')));

  const sms = options.sms46elks ? new SmsIntakeService(channel) : null;
  if (options.sms46elks && sms) await app.register(smsController(options.sms46elks, sms));
  const facebook = options.facebook ? new FacebookIntakeService(channel, { pageId: options.facebook.pageId }) : null;
  if (options.facebook && facebook) await app.register(facebookController(options.facebook, facebook));
  if (options.telephony) {
    await app.register(telephonyController(options.telephony, new TelephonyIntakeService(channel)));
  }
  await app.register(formController(options.forms, new FormIntakeService(channel)));

  const off = [!sms && 'sms', !facebook && 'facebook', !options.telephony && 'telephony'].filter(Boolean);
  if (off.length > 0) options.logger.warn({ channels: off }, 'Webhook channels off: their secrets are not set');

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : options.port,
    reprocessors: { sms: sms?.reprocess ?? null, facebook: facebook?.reprocess ?? null },
    close: () => app.close(),
  };
}
