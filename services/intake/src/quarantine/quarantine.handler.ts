import type { NatsConnection } from '@nats-io/transport-node';
import { getQuarantinedV1, listQuarantineV1, reprocessQuarantinedV1 } from '@arende/contracts';
import { type MessagingNames, RpcServer } from '@arende/messaging';
import type { Metrics } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { QuarantineService } from './quarantine.service.js';

export interface QuarantineRpcOptions {
  nc: NatsConnection;
  names: MessagingNames;
  logger: StructuredLogger;
  metrics?: Pick<Metrics, 'rpcDuration'>;
  quarantine: QuarantineService;
}

/** The NATS edge of the quarantine: answers the three admin RPCs. `close()` drains them. */
export function startQuarantineRpc(options: QuarantineRpcOptions): RpcServer {
  const { quarantine } = options;
  return new RpcServer({
    nc: options.nc,
    names: options.names,
    service: 'intake',
    logger: options.logger,
    ...(options.metrics ? { metrics: options.metrics } : {}),
  })
    .handle(listQuarantineV1, (data, ctx) => quarantine.list(data, ctx))
    .handle(getQuarantinedV1, (data, ctx) => quarantine.get(data.id, ctx))
    .handle(reprocessQuarantinedV1, (data, ctx) => quarantine.reprocess(data.id, ctx));
}
