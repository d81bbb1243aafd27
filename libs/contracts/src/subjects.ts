/**
 * Streams: one per owner, capturing `<owner>.evt.>`. No stream captures rpc subjects.
 * Tests run with a prefix (`t<run>.`) on every subject and stream so runs cannot collide.
 */
export const STREAM_OWNERS = ['case', 'intake', 'routing', 'knowledge', 'notifications', 'sla', 'reporting'] as const;
export type StreamOwner = (typeof STREAM_OWNERS)[number];

/** Where a consumer sends a message it gave up on: `deadletter.<service>.<consumer>`. */
export const DEAD_LETTER_ROOT = 'deadletter';

/** NATS header names used across services. Wire names: do not change without a migration plan. */
export const HEADERS = {
  msgId: 'Nats-Msg-Id',
  correlationId: 'Arende-Correlation-Id',
  deadLetterReason: 'Arende-Dead-Letter-Reason',
  deadLetterSubject: 'Arende-Dead-Letter-Subject',
  deliveryCount: 'Arende-Delivery-Count',
} as const;
