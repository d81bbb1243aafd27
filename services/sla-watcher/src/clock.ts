/**
 * Where the watcher reads the time. Production uses the system clock; tests and benchmarks hand in a
 * {@link ManualClock} and move it, and the timer loop looks again whenever it moves.
 */
export interface Clock {
  now(): Date;
  /** Called whenever the time jumps (a manual clock); the system clock never calls it. */
  onChange(listener: () => void): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  onChange: () => undefined,
};

/** A clock that stands still until told: `set` or `advance`. */
export class ManualClock implements Clock {
  private current: number;
  private readonly listeners: Array<() => void> = [];

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
    for (const listener of this.listeners) listener();
  }

  advance(ms: number): void {
    this.set(new Date(this.current + ms));
  }
}
