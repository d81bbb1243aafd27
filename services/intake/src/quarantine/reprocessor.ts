/** What a channel's intake says after trying a message again. */
export type ReprocessOutcome = { kind: 'accepted' } | { kind: 'duplicate' } | { kind: 'quarantined'; reason: string };

/** Which quarantine row is being re-processed: a channel may reuse its id and raw blob for what it stores. */
export interface QuarantinedOrigin {
  id: string;
  rawBlobKey: string;
  receivedAt: Date;
}

/**
 * Runs one quarantined message of a channel through that channel's intake again, from its raw bytes and the
 * envelope kept with it. It must not write a new quarantine row: the caller updates the existing one.
 * Throws only on a temporary failure.
 */
export type Reprocessor = (
  raw: Buffer,
  envelope: Record<string, unknown>,
  origin: QuarantinedOrigin,
) => Promise<ReprocessOutcome>;
