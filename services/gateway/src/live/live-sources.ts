import type { z } from 'zod';
import { type EventContract, callAnsweredV1 } from '@arende/contracts';
import type { LiveEvent } from './live-hub.js';

/** An event stream the gateway hands on live: which contract, and who gets what from one event. */
export interface LiveSource<T extends z.ZodType = z.ZodType> {
  contract: EventContract<T>;
  toLive(envelope: z.output<EventContract<T>['envelope']>): LiveEvent;
}

function source<T extends z.ZodType>(
  contract: EventContract<T>,
  toLive: (envelope: z.output<EventContract<T>['envelope']>) => LiveEvent,
): LiveSource {
  return { contract, toLive };
}

/**
 * Every event the gateway pushes to the agent web client. Add a line for a new kind (notifications, case
 * updates for open inbox views): the feed subscribes to its subject and the hub delivers it.
 */
export const LIVE_SOURCES: readonly LiveSource[] = [
  // The agent who answered gets the call, so quick registration opens pre-filled.
  source(callAnsweredV1, (envelope) => ({
    event: 'call-answered',
    id: envelope.id,
    data: envelope.data,
    recipients: [envelope.data.agentUsername],
  })),
];
