import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/** One dependency the service needs to serve traffic (database, NATS, …). `check` rejects when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** An answer of the ops endpoints, independent of the HTTP server that sends it. */
export interface OpsResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface OpsHandlerOptions {
  metrics: Pick<Metrics, 'registry'>;
  /** Read on every `/health/ready`, so checks may be added after the handler was made. */
  readiness: readonly ReadinessCheck[];
  /** How long each readiness check may take before it counts as failed; default 2000 ms. */
  timeoutMs?: number;
}

/** Answers an ops path, or `undefined` when the path is not one of them. */
export type OpsHandler = (path: string) => Promise<OpsResponse | undefined>;

/** Paths answered by {@link createOpsHandler}. */
export const OPS_PATHS = { live: '/health/live', ready: '/health/ready', metrics: '/metrics' } as const;

const JSON_TYPE = 'application/json; charset=utf-8';

function json(status: number, value: unknown): OpsResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timed out after ${timeoutMs} ms`), timeoutMs);
  });
  try {
    // Promise.resolve().then() also turns a synchronous throw into a failed check.
    const outcome = Promise.resolve()
      .then(() => check.check())
      .then(
        () => undefined,
        (error: unknown) => messageOf(error),
      );
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The ops endpoints, for mounting on any HTTP server:
 * - `/health/live`: 200 `{"status":"ok"}` while the process runs;
 * - `/health/ready`: 200 `{"status":"ok"}` when every check passes within the timeout (checks run in parallel),
 *   else 503 `{"status":"unavailable","failed":[{"name","error"}]}`;
 * - `/metrics`: the registry in Prometheus text format.
 *
 * Error messages of failed checks are returned as they are: serve these paths on an internal port only.
 */
export function createOpsHandler(options: OpsHandlerOptions): OpsHandler {
  const timeoutMs = options.timeoutMs ?? 2000;
  return async (rawPath) => {
    const path = rawPath.split('?', 1)[0];
    switch (path) {
      case OPS_PATHS.live:
        return json(200, { status: 'ok' });
      case OPS_PATHS.ready: {
        const results = await Promise.all(
          options.readiness.map(async (check) => ({ name: check.name, error: await runCheck(check, timeoutMs) })),
        );
        const failed = results.filter((result) => result.error !== undefined);
        return failed.length === 0 ? json(200, { status: 'ok' }) : json(503, { status: 'unavailable', failed });
      }
      case OPS_PATHS.metrics:
        return {
          status: 200,
          contentType: options.metrics.registry.contentType,
          body: await options.metrics.registry.metrics(),
        };
      default:
        return undefined;
    }
  };
}

export interface OpsServerOptions extends OpsHandlerOptions {
  host: string;
  /** 0 picks a free port; the chosen one is returned. */
  port: number;
  logger: Pick<Logger, 'info' | 'error'>;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves {@link createOpsHandler} over node:http, for services without their own HTTP server.
 * Answers GET and HEAD; other paths get 404, other methods 405.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const handle = createOpsHandler(options);
  const { logger } = options;
  const server = createServer((request, response) => {
    const send = (answer: OpsResponse): void => {
      response.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : answer.body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send({ status: 405, contentType: JSON_TYPE, body: JSON.stringify({ status: 'method not allowed' }) });
      return;
    }
    handle(request.url ?? '/').then(
      (answer) => send(answer ?? json(404, { status: 'not found' })),
      (error: unknown) => {
        logger.error({ err: error }, 'Ops endpoint failed');
        send(json(500, { status: 'error' }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'Ops server error'));
  const { port } = server.address() as AddressInfo;
  logger.info({ host: options.host, port }, 'Ops server listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
