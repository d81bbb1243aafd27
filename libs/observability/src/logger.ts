import { pino, type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import { correlation } from './correlation.js';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at any of the first three levels of a logged object. */
export const REDACTED_KEYS = [
  'personalIdentityNumber',
  'personal_identity_number',
  'authorization',
  'password',
  'token',
  'body',
  'text',
  'html',
  // query parameters and search terms can hold any of the above
  'parameters',
  'pin',
] as const;

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface CreateLoggerOptions {
  /** Name of the service, on every line as `service`. */
  service: string;
  /** Lowest level written; default `LOG_LEVEL` or `info`. */
  level?: string;
  /** Human-readable output for development; default `LOG_PRETTY=1`. */
  pretty?: boolean;
  /** Where lines go (default stdout); tests pass a stream to read them. With `pretty`, the prettified lines go there. */
  destination?: DestinationStream;
}

// A fresh object each time: pino merges the logged fields into what the mixin returns.
function correlationMixin(): object {
  const id = correlation.id();
  return id === undefined ? {} : { correlationId: id };
}

/**
 * A pino logger: JSON lines with `service`, the current `correlationId` (from {@link correlation})
 * and {@link REDACTED_KEYS} censored. Log a constant message and a fields object:
 * `logger.info({ caseId }, 'Case created')`.
 *
 * Lines are written synchronously to stdout, so an error logged just before a crash is not lost.
 * That costs a system call per line, which is why nothing logs at info per request or per message:
 * request rates and latencies are metrics; logs are for boot, shutdown, warnings and errors.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const pretty = options.pretty ?? process.env.LOG_PRETTY === '1';
  const destination = pretty
    ? pinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', destination: options.destination ?? 1 })
    : options.destination;
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: options.service },
      mixin: correlationMixin,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
