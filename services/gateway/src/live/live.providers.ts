import type { OnModuleDestroy, OnModuleInit, Provider } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError, SYSTEM_ACTOR, getCaseV1 } from '@arende/contracts';
import type { MessagingNames, RpcClient } from '@arende/messaging';
import type { Logger, Metrics } from '@arende/observability';
import { DEFAULT_LIVE_LIMITS, LiveHub, type LiveLimits } from './live-hub.js';
import { LiveFeed } from './live-feed.js';
import { liveSources } from './live-sources.js';
import { CaseInboxes } from './case-inboxes.js';

export interface LiveOptions extends Partial<LiveLimits> {
  nc: NatsConnection;
  names: MessagingNames;
}

/** Starts the feed with the app and, on shutdown, stops it and ends every stream before the server closes. */
class LiveLifecycle implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly hub: LiveHub,
    private readonly feed: LiveFeed | undefined,
  ) {}

  onModuleInit(): void {
    this.feed?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.feed?.stop();
    this.hub.close();
  }
}

/** The hub the live controller writes through and, when NATS is given, the feed that fills it. */
export function liveProviders(deps: {
  live?: LiveOptions;
  rpc: RpcClient;
  logger: Logger;
  metrics: Metrics;
}): Provider[] {
  const { nc, names, ...limits } = deps.live ?? {};
  const given = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  const hub = new LiveHub({ ...DEFAULT_LIVE_LIMITS, ...given });
  const feed =
    nc && names
      ? new LiveFeed({
          nc,
          names,
          hub,
          sources: liveSources({ caseInboxes: new CaseInboxes(caseInboxLookup(deps.rpc)) }),
          logger: deps.logger,
          metrics: deps.metrics,
        })
      : undefined;
  return [
    { provide: LiveHub, useValue: hub },
    { provide: LiveLifecycle, useFactory: () => new LiveLifecycle(hub, feed) },
  ];
}

/** The inbox of a case as case-core has it, asked as the platform (the gateway reads it for routing a push only). */
function caseInboxLookup(rpc: RpcClient) {
  return async (number: string): Promise<string | null> => {
    try {
      const view = await rpc.request(getCaseV1, { number }, { actor: SYSTEM_ACTOR, correlationId: `live:${number}` });
      return view.inboxId;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.NOT_FOUND') return null;
      throw error;
    }
  };
}
