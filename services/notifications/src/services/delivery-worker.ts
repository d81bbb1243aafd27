import type { StructuredLogger } from '@arende/persistence';

/**
 * Runs `work` until it reports nothing left, then again every `pollMs`, or at once when nudged. One run at a
 * time per replica; replicas share the work through row locks (SKIP LOCKED).
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly work: () => Promise<boolean>,
    private readonly pollMs: number,
    private readonly logger: StructuredLogger,
  ) {}

  start(): void {
    this.stopped = false;
    this.nudge();
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.nudge();
        return;
      }
      this.timer = setTimeout(() => this.nudge(), this.pollMs);
      this.timer.unref();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.work())) {
        // more may be due
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Delivering messages failed; trying again');
    }
  }
}
