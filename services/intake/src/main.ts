import 'reflect-metadata';
import { OutboxRelay, connectMessaging, natsReadiness } from '@arende/messaging';
import { createLogger, createMetrics, startOpsServer } from '@arende/observability';
import { databaseReadiness, openDatabase } from '@arende/persistence';
import { loadConfigOrExit } from '@arende/config';
import { createBlobStore } from '@arende/blobs';
import { intakeConfig } from './config.js';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { IntakeService } from './services/intake.service.js';
import { startSmtpListener } from './smtp/smtp-listener.js';
import { startImapPoller } from './imap/imap-poller.js';
import { webhookChannelOptions } from './http/webhook-config.js';
import { startWebhookServer } from './http/webhook-server.js';
import { emailReprocessor } from './quarantine/email-reprocessor.js';
import { startQuarantineRpc } from './quarantine/quarantine.handler.js';
import { QuarantineRepository } from './quarantine/quarantine.repository.js';
import { QuarantineService } from './quarantine/quarantine.service.js';
import { webhookReprocessors } from './webhooks/webhook-reprocessors.js';

const config = loadConfigOrExit(intakeConfig, 'intake');
const logger = createLogger({ service: 'intake' });
const blobs = createBlobStore(config);

const dataSource = await openDatabase({
  url: config.DATABASE_URL,
  schema: config.DB_SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  poolSize: config.DB_POOL_SIZE,
  applicationName: 'intake',
  logger,
});
const { nc, js, names } = await connectMessaging({
  servers: config.NATS_URL,
  name: 'intake',
  prefix: config.NATS_PREFIX,
  streams: ['intake'],
});

const metrics = createMetrics('intake');
const relay = new OutboxRelay({
  dataSource,
  js,
  names,
  logger,
  metrics,
  retentionDays: config.OUTBOX_RETENTION_DAYS,
});
relay.start();
const intake = new IntakeService(dataSource, blobs, relay, logger, config.DB_SCHEMA);
const smtp = await startSmtpListener({
  host: config.SMTP_HOST,
  port: config.SMTP_PORT,
  addresses: config.INTAKE_ADDRESSES,
  maxMessageBytes: config.INTAKE_MAX_MESSAGE_BYTES,
  intake,
  logger,
  metrics,
});
const webhooks = await startWebhookServer({
  ...webhookChannelOptions(config),
  dataSource,
  schema: config.DB_SCHEMA,
  blobs,
  relay,
  logger,
  metrics,
});
const imap = config.IMAP_ENABLED
  ? startImapPoller({
      host: config.IMAP_HOST,
      port: config.IMAP_PORT,
      secure: config.IMAP_SECURE,
      user: config.IMAP_USER,
      password: config.IMAP_PASSWORD,
      mailbox: config.IMAP_MAILBOX,
      processedMailbox: config.IMAP_PROCESSED_MAILBOX,
      address: config.IMAP_ADDRESS,
      maxMessageBytes: config.INTAKE_MAX_MESSAGE_BYTES,
      intake,
      logger,
      metrics,
    })
  : null;
const quarantineRpc = startQuarantineRpc({
  nc,
  names,
  logger,
  metrics,
  quarantine: new QuarantineService(
    dataSource,
    new QuarantineRepository(dataSource, config.DB_SCHEMA),
    blobs,
    {
      email: emailReprocessor(intake),
      ...webhookReprocessors({
        dataSource,
        schema: config.DB_SCHEMA,
        blobs,
        relay,
        logger,
        facebookPageId: config.FACEBOOK_PAGE_ID ?? null,
      }),
    },
    logger,
  ),
});
const ops = await startOpsServer({
  host: config.OPS_HOST,
  port: config.OPS_PORT,
  metrics,
  logger,
  readiness: [databaseReadiness(dataSource), natsReadiness(nc)],
});
logger.info({ smtpPort: smtp.port, webhookPort: webhooks.port, opsPort: ops.port }, 'intake started');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'intake stopping');
  await smtp.close();
  await webhooks.close();
  await imap?.close();
  await quarantineRpc.close();
  await relay.stop();
  await blobs.close();
  await ops.close();
  await nc.drain();
  await dataSource.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
