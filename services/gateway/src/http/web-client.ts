import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from '@arende/observability';
import { SOLNA_CENTRE, type WebMapConfig, tileOrigin } from './web-map.js';

/** Where the built agent web client is and what it needs to know to sign in. */
export interface WebClientOptions {
  /** The Vite build (`index.html` and `assets/`). */
  dir: string;
  /** The issuer the browser signs in at (may differ from the one the gateway reaches). */
  issuerUrl: string;
  /** The public OpenID client of the web client. */
  clientId: string;
  /** The map's tiles and where it opens; default no tiles, Solna at zoom 13. */
  map?: WebMapConfig;
}

/** What the web client fetches before anything else (GET /web/config.json). */
export interface WebClientConfig {
  issuerUrl: string;
  clientId: string;
  scope: string;
  map: WebMapConfig;
}

/** The build of `services/agent-web` in this checkout (from `src/http` or `dist/http` alike). */
export const DEFAULT_WEB_DIR = path.resolve(import.meta.dirname, '../../../agent-web/dist');

// Paths the API, its docs and the probes own: an unknown one is a JSON 404, never the client's page.
const API_PATH = /^\/(api|health|metrics|web)(\/|$)/;

/**
 * The client's pages: its own scripts only, the API and the issuer (discovery, token) to talk to, no frames of
 * other sites, and no one may frame it. A mail is shown in a sandboxed `srcdoc` frame, which inherits this
 * policy: its inline styles need `'unsafe-inline'` for styles, and remote images (shown only when the agent
 * allows them, by the frame's own stricter policy) need `https:`. The map's tiles come from `tileOrigin` (named
 * too, since a tile server on the city's network may be plain http).
 */
export function webCsp(issuerUrl: string, tileOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: https:${tileOrigin === undefined ? '' : ` ${tileOrigin}`}`,
    `connect-src 'self' ${new URL(issuerUrl).origin}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built web client at `/`: hashed assets cached for a year, `index.html` revalidated, any other
 * non-API path answered with `index.html` (the client routes itself). Call before the app listens; the
 * API's routes take precedence over the fallback. Without a build it only serves /web/config.json.
 */
export async function serveWebClient(
  app: NestFastifyApplication,
  options: WebClientOptions,
  logger: Logger,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const config: WebClientConfig = {
    issuerUrl: options.issuerUrl.replace(/\/$/, ''),
    clientId: options.clientId,
    scope: 'openid profile email',
    map: options.map ?? { tileUrl: null, attribution: '', center: SOLNA_CENTRE, zoom: 13 },
  };
  fastify.get('/web/config.json', (_request, reply) => {
    void reply.header('cache-control', 'no-cache').send(config);
  });

  if (!fs.existsSync(path.join(options.dir, 'index.html'))) {
    logger.warn(
      { dir: options.dir },
      'agent web client not built: serving the API only (npx nx build @arende/agent-web)',
    );
    return;
  }
  const csp = webCsp(config.issuerUrl, tileOrigin(config.map));
  // Runs after the hardening hook, so the client's pages get their CSP instead of the API's.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!API_PATH.test(request.url)) void reply.header('content-security-policy', csp);
    done();
  });
  await app.register(fastifyStatic, {
    root: options.dir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, file) => {
      const immutable = file.startsWith(path.join(options.dir, 'assets') + path.sep);
      void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  fastify.get('/*', (request, reply) => {
    if (API_PATH.test(request.url)) {
      reply.callNotFound();
      return;
    }
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  fastify.get('/', (_request, reply) => {
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  logger.info({ dir: options.dir }, 'serving the agent web client at /');
}
