/** Finds a case's inbox from its number (case-core's answer); null when there is no such case. */
export type CaseInboxLookup = (number: string) => Promise<string | null>;

export interface CaseInboxesOptions {
  /** How long a learned or looked-up inbox is trusted. */
  ttlMs: number;
  /** Cases remembered at most; the oldest goes first. */
  maxCases: number;
}

export const DEFAULT_CASE_INBOXES: CaseInboxesOptions = { ttlMs: 30_000, maxCases: 10_000 };

/**
 * The inbox each case is in, for live events that do not carry it (an entry added to a case). Learned from the
 * case events the feed sees anyway (registered, distributed, moved …) and otherwise asked of case-core once per
 * case and TTL, however many streams are open; concurrent questions about one case share one request.
 */
export class CaseInboxes {
  private readonly known = new Map<string, { inboxId: string | null; until: number }>();
  private readonly pending = new Map<string, Promise<string | null>>();

  constructor(
    private readonly lookup: CaseInboxLookup,
    private readonly options: CaseInboxesOptions = DEFAULT_CASE_INBOXES,
    private readonly now: () => number = Date.now,
  ) {}

  remember(number: string, inboxId: string): void {
    this.store(number, inboxId);
  }

  async inboxOf(number: string): Promise<string | null> {
    const hit = this.known.get(number);
    if (hit && hit.until > this.now()) return hit.inboxId;
    const asked = this.pending.get(number);
    if (asked) return asked;
    const request = this.lookup(number)
      .then((inboxId) => {
        this.store(number, inboxId);
        return inboxId;
      })
      .finally(() => this.pending.delete(number));
    this.pending.set(number, request);
    return request;
  }

  private store(number: string, inboxId: string | null): void {
    // Re-inserting moves the case to the end, so the map's first key is always the oldest.
    this.known.delete(number);
    this.known.set(number, { inboxId, until: this.now() + this.options.ttlMs });
    while (this.known.size > this.options.maxCases) this.known.delete(this.known.keys().next().value!);
  }
}
