import { DEAD_LETTER_ROOT } from '@arende/contracts';

const PREFIX = /^([a-z][a-z0-9_]*[_.])?$/;

/**
 * Wire names with an optional prefix: empty in production, `t<random>_` in tests so test runs and
 * test files never share a stream or a subject. Contracts hold unprefixed subjects; everything that
 * touches NATS goes through these methods.
 */
export class MessagingNames {
  constructor(readonly prefix = '') {
    if (!PREFIX.test(prefix))
      throw new Error(`Messaging prefix "${prefix}" must be empty or like "t1a2b_" (or "t1a2b.")`);
  }

  /** `case.evt.registered.v1` -> `<prefix>case.evt.registered.v1` */
  subject(subject: string): string {
    return this.prefix + subject;
  }

  /** The subject without the prefix: the contract's subject, the envelope's `type`. */
  unprefix(subject: string): string {
    if (!subject.startsWith(this.prefix)) {
      throw new Error(`Subject ${subject} does not carry the prefix "${this.prefix}"`);
    }
    return subject.slice(this.prefix.length);
  }

  /** The stream of one owner, e.g. `CASE` (`T1A2B_CASE` in a test); stream names cannot contain dots. */
  stream(owner: string): string {
    return (this.prefix + owner).toUpperCase().replace(/[^A-Z0-9_-]/g, '_');
  }

  /** What an owner's stream captures: `<prefix><owner>.evt.>` (never rpc subjects). */
  streamSubjects(owner: string): string {
    return `${this.prefix}${owner}.evt.>`;
  }

  /** Every stream of this prefix starts with this (what a test harness deletes afterwards). */
  get streamPrefix(): string {
    return this.stream('');
  }

  /** Where consumer `consumer` of `service` quarantines a message: `<prefix>deadletter.<service>.<consumer>`. */
  deadLetterSubject(service: string, consumer: string): string {
    return `${this.prefix}${DEAD_LETTER_ROOT}.${service}.${consumer}`;
  }

  /** The stream capturing every dead letter: `DEADLETTER` over `<prefix>deadletter.>`. */
  get deadLetterStream(): string {
    return this.stream(DEAD_LETTER_ROOT);
  }
}
