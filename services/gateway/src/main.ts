import { createTokenVerifier } from '@arende/auth';
import { loadConfigOrExit } from '@arende/config';
import { RpcClient, connectMessaging, natsReadiness } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import { startGateway } from './boot.js';
import { DEFAULT_WEB_DIR } from './http/web-client.js';
import { gatewayConfig, parseOrigins, webMapConfig } from './config.js';

const config = loadConfigOrExit(gatewayConfig, 'gateway');
const logger = createLogger({ service: 'gateway' });
const { nc, names } = await connectMessaging({
  servers: config.NATS_URL,
  name: 'gateway',
  prefix: config.NATS_PREFIX,
  streams: [],
});
const verifier = createTokenVerifier({
  issuer: config.ISSUER_URL,
  audience: config.TOKEN_AUDIENCE,
  jwksUri: config.JWKS_URL,
});
const metrics = createMetrics('gateway');
const ops = createOpsHandler({
  metrics,
  readiness: [natsReadiness(nc)],
});
const app = await startGateway({
  rpc: new RpcClient({ nc, names, timeoutMs: config.RPC_TIMEOUT_MS }),
  verifier,
  ops,
  live: {
    nc,
    names,
    maxConnections: config.LIVE_MAX_CONNECTIONS,
    maxConnectionsPerUser: config.LIVE_MAX_CONNECTIONS_PER_USER,
  },
  logger,
  metrics,
  host: config.HOST,
  port: config.PORT,
  web: {
    dir: config.WEB_DIR ?? DEFAULT_WEB_DIR,
    issuerUrl: config.WEB_ISSUER_URL ?? config.ISSUER_URL,
    clientId: config.WEB_CLIENT_ID,
    map: webMapConfig(config),
  },
  hardening: {
    corsOrigins: parseOrigins(config.CORS_ORIGINS),
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    anonymousRateLimitPerMinute: config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
  },
});
logger.info({ url: await app.getUrl() }, 'gateway started');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'gateway stopping');
  await app.close();
  await nc.drain();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
