import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import type { Actor, EventContract, EventEnvelope } from '@arende/contracts';

export interface EnvelopeMeta {
  actor: Actor;
  correlationId: string;
  /** The id of the message that caused this one (null for a command from outside). */
  causationId?: string | null;
}

/**
 * A validated envelope for `contract`: new UUIDv7 id (also the `Nats-Msg-Id`), `type` = the
 * unprefixed subject, `occurredAt` = now. Throws a ZodError for a bad payload, before anything is written.
 */
export function createEnvelope<T extends z.ZodType>(
  contract: EventContract<T>,
  data: z.input<T>,
  meta: EnvelopeMeta,
): EventEnvelope<z.output<T>> {
  return contract.envelope.parse({
    id: uuidv7(),
    type: contract.subject,
    occurredAt: new Date().toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    actor: meta.actor,
    data,
  }) as EventEnvelope<z.output<T>>;
}
