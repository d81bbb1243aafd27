import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { type TokenVerifier, bearerToken } from '@arende/auth';
import { DomainError } from '@arende/contracts';
import { CORRELATION_HEADER } from '@arende/observability';

/** Browser-facing protections of the HTTP API (see docs/operations.md, "Hardening"). */
export interface HardeningOptions {
  /** Exact origins a browser may call the API from (CORS); no credentials are allowed. */
  corsOrigins: readonly string[];
  /** Requests per minute for one token subject. */
  rateLimitPerMinute: number;
  /** Requests per minute for one client address without a valid token (public routes, bad tokens). */
  anonymousRateLimitPerMinute: number;
}

export const DEFAULT_HARDENING: HardeningOptions = {
  corsOrigins: ['http://127.0.0.1:5173', 'http://localhost:5173'],
  rateLimitPerMinute: 100_000,
  anonymousRateLimitPerMinute: 1_000,
};

/** Nothing but JSON comes from the API: a page that loaded one of its answers may do nothing at all. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI: its own scripts and styles (one inline style block), the OpenAPI document, data: images. */
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The rate-limit bucket of a request: the token subject when the token verifies (the verifier
 * caches it, so the guard pays nothing more), else the client address, so that forged tokens
 * cannot open new buckets.
 */
async function rateLimitKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    try {
      return `sub:${(await verifier.verify(bearerToken(authorization))).subject}`;
    } catch {
      // an invalid token counts against the address
    }
  }
  return `ip:${request.ip}`;
}

/** Registers security headers, CORS and rate limits; call before the routes are registered. */
export async function applyHardening(
  app: NestFastifyApplication,
  verifier: TokenVerifier,
  options: HardeningOptions,
): Promise<void> {
  // helmet's defaults (HSTS, nosniff, frame and referrer policies, COOP/CORP); the CSP is set per path below.
  await app.register(helmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : API_CSP);
    done();
  });

  await app.register(cors, {
    origin: [...options.corsOrigins],
    credentials: false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', CORRELATION_HEADER],
    exposedHeaders: [
      'location',
      'retry-after',
      CORRELATION_HEADER,
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
    ],
    maxAge: 600,
    strictPreflight: true,
  });

  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (_request, key) => (key.startsWith('sub:') ? options.rateLimitPerMinute : options.anonymousRateLimitPerMinute),
    keyGenerator: (request) => rateLimitKey(request, verifier),
    errorResponseBuilder: (_request, context) =>
      new DomainError('REQUEST.RATE_LIMITED', `Too many requests; retry in ${context.after}`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}
