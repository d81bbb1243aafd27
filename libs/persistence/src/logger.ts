/**
 * The logging surface the libs need: pino's `(fields, message)` shape. A pino `Logger` (from
 * `@arende/observability`) satisfies it, so the libs do not depend on a particular logger.
 */
export interface StructuredLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A JSON-lines logger for command-line entry points that have no logger of their own. */
export function consoleLogger(name: string): StructuredLogger {
  const write = (level: string) => (fields: object, message: string) => {
    const line = JSON.stringify({ level, time: new Date().toISOString(), name, msg: message, ...fields });
    if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
    else process.stdout.write(line + '\n');
  };
  return { debug: () => undefined, info: write('info'), warn: write('warn'), error: write('error') };
}
