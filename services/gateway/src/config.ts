import { z } from 'zod';
import { type ConfigOf, defineConfig, env } from '@arende/config';
import { SOLNA_CENTRE, type WebMapConfig, parseCentre, tileUrlProblem } from './http/web-map.js';

/** Splits `CORS_ORIGINS` (comma-separated) into origins. */
export function parseOrigins(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

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
  CORS_ORIGINS: {
    schema: env
      .string('http://127.0.0.1:5173,http://localhost:5173')
      .refine(
        (value) => parseOrigins(value).every((origin) => URL.canParse(origin) && new URL(origin).origin === origin),
        {
          message: 'comma-separated origins such as https://arende.solna.example (scheme, host and port only)',
        },
      ),
    description: 'Browser origins allowed to call the API (CORS), comma-separated; no credentials (bearer tokens only)',
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: env.int(100_000, 1),
    description:
      'Requests per minute for one token subject (the default leaves room for the benchmark; production: 600)',
  },
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: {
    schema: env.int(1_000, 1),
    description: 'Requests per minute for one client address without a valid token (health, metrics, docs, bad tokens)',
  },
  WEB_DIR: {
    schema: z.string().min(1).optional(),
    description: 'The built agent web client served at `/`; default the build of services/agent-web beside the gateway',
  },
  WEB_ISSUER_URL: {
    schema: z.url().optional(),
    description: 'Issuer the browser signs in at (its public URL); default ISSUER_URL',
  },
  WEB_CLIENT_ID: {
    schema: env.string('arende-agent-web'),
    description: 'OpenID client of the agent web client (public, authorization code + PKCE)',
  },
  WEB_MAP_TILE_URL: {
    schema: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const problem = value === undefined ? undefined : tileUrlProblem(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `a tile URL template that ${problem}` });
      }),
    description:
      'Tiles of the map in the web client, e.g. https://tiles.solna.example/{z}/{x}/{y}.png (img-src allows its origin); unset: a plain coordinate grid',
  },
  WEB_MAP_ATTRIBUTION: {
    schema: z.string().max(300).default(''),
    description: 'Attribution the tile server requires, shown as text in the map corner',
  },
  WEB_MAP_CENTER: {
    schema: env.string(`${SOLNA_CENTRE.lat},${SOLNA_CENTRE.lon}`).refine((value) => parseCentre(value) !== undefined, {
      message: 'latitude,longitude in WGS 84, e.g. 59.36,17.99',
    }),
    description: 'Where the map opens: latitude,longitude (WGS 84)',
  },
  WEB_MAP_ZOOM: { schema: env.int(13, 1, 19), description: 'The zoom level the map opens at (1–19)' },
  LIVE_MAX_CONNECTIONS: {
    schema: env.int(2_000, 1, 100_000),
    description: 'Live event streams (GET /api/v1/live) one gateway replica holds open at most; 503 above it',
  },
  LIVE_MAX_CONNECTIONS_PER_USER: {
    schema: env.int(5, 1, 100),
    description: 'Live event streams one user may hold open on a replica (tabs, devices); 429 above it',
  },
});

export type GatewayConfig = ConfigOf<typeof gatewayConfig>;

/** The web client's map, from the WEB_MAP_* settings. */
export function webMapConfig(config: GatewayConfig): WebMapConfig {
  return {
    tileUrl: config.WEB_MAP_TILE_URL ?? null,
    attribution: config.WEB_MAP_ATTRIBUTION,
    center: parseCentre(config.WEB_MAP_CENTER) ?? SOLNA_CENTRE,
    zoom: config.WEB_MAP_ZOOM,
  };
}
