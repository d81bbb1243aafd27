import { z } from 'zod';
import { type ConfigOf, defineConfig, env } from '@arende/config';

export const gatewayConfig = defineConfig({
  HOST: { schema: env.string('0.0.0.0'), description: 'Address the HTTP API listens on' },
  PORT: { schema: env.port(8080), description: 'Port of the HTTP API (/api/v1, /api/docs, /health, /metrics)' },
  ISSUER_URL: {
    schema: env.url('http://127.0.0.1:8090'),
    description: 'OpenID issuer whose tokens are accepted (Keycloak realm URL in production)',
  },
  JWKS_URL: {
    schema: z.url().optional(),
    description: 'JWKS of the issuer; discovered from the issuer when not set',
  },
  TOKEN_AUDIENCE: { schema: env.string('gateway'), description: 'Audience a staff token must carry' },
  NATS_URL: { schema: env.string('nats://127.0.0.1:4222'), description: 'NATS servers, comma-separated' },
  NATS_PREFIX: {
    schema: env.prefix(),
    description: 'Prefix on every subject and stream name; empty in production, set by tests to isolate runs',
  },
  RPC_TIMEOUT_MS: { schema: env.int(5000, 100, 60_000), description: 'How long a request to a service may take' },
});

export type GatewayConfig = ConfigOf<typeof gatewayConfig>;
