import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** HTTP header that carries the correlation id in and out (NATS uses `HEADERS` from `@arende/contracts`). */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Longest correlation id accepted from outside; longer ones are replaced, so a caller cannot bloat our logs. */
export const MAX_CORRELATION_ID_LENGTH = 200;

const storage = new AsyncLocalStorage<string>();
// Visible ASCII only: no spaces, control characters or anything that could forge a log line.
const VALID_ID = new RegExp(`^[\\x21-\\x7E]{1,${MAX_CORRELATION_ID_LENGTH}}$`);

/** The correlation id of the current async context (a request, a message, a job). */
export const correlation = {
  /** Runs `fn` with `id` as the correlation id of everything it awaits or schedules. */
  run<T>(id: string, fn: () => T): T {
    return storage.run(id, fn);
  },
  /** The current correlation id, or `undefined` outside any `run`. */
  id(): string | undefined {
    return storage.getStore();
  },
};

/** A new correlation id (a random UUID). */
export function newCorrelationId(): string {
  return randomUUID();
}

/** True when `value` may be used as a correlation id taken from outside: visible ASCII, 1..200 characters. */
export function isValidCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && VALID_ID.test(value);
}

/** The incoming id when it is valid, else a new one. Header arrays (repeated headers) use their first value. */
export function correlationIdFrom(header: string | readonly string[] | undefined): string {
  const value = Array.isArray(header) ? (header as readonly string[])[0] : header;
  return isValidCorrelationId(value) ? value : newCorrelationId();
}

/** The parts of a fastify request the hook uses (typed structurally: no runtime dependency on fastify). */
export interface CorrelationHookRequest {
  headers: Record<string, string | string[] | undefined>;
}

/** The part of a fastify reply the hook uses. */
export interface CorrelationHookReply {
  header(name: string, value: string): unknown;
}

/**
 * fastify `onRequest` hook: takes the id from `x-correlation-id` (a new one when it is missing or invalid),
 * echoes it in the response header and runs the rest of the request inside `correlation.run`:
 * `fastify.addHook('onRequest', correlationHook)`. Calling `done` inside `run` is the pattern
 * @fastify/request-context uses; the context reaches the handler also when a body is read in several
 * chunks (checked by this lib's tests with fastify 5 on Node 20 and 24).
 */
export function correlationHook(
  request: CorrelationHookRequest,
  reply: CorrelationHookReply,
  done: (error?: Error) => void,
): void {
  const id = correlationIdFrom(request.headers[CORRELATION_HEADER]);
  reply.header(CORRELATION_HEADER, id);
  storage.run(id, done);
}
