export interface EventuallyOptions {
  /** Give up after this long (default 5000 ms). */
  timeoutMs?: number;
  /** Pause between attempts (default 20 ms). */
  intervalMs?: number;
}

/**
 * Runs `assertion` until it stops throwing and returns its result. When the time is up, rethrows
 * the last failure with how long it waited. Use it instead of sleeping: wait for a condition.
 */
export async function expectEventually<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = 5000, intervalMs = 20 }: EventuallyOptions = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      const waited = Date.now() - started;
      if (waited >= timeoutMs) {
        if (error instanceof Error) {
          error.message = `${error.message}\n(still failing after ${waited} ms of expectEventually)`;
          throw error;
        }
        throw new Error(`Still failing after ${waited} ms of expectEventually: ${String(error)}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
