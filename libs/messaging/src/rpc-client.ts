import type { z } from 'zod';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { DomainError, invalidRequest, type Actor, type RequestOrigin, type RpcContract } from '@arende/contracts';
import type { MessagingNames } from './names.js';
import { rpcSchemas } from './rpc-schemas.js';

export interface RpcClientOptions {
  nc: NatsConnection;
  names: MessagingNames;
  /** Default 5000 ms. */
  timeoutMs?: number;
}

export interface RpcCallMeta {
  actor: Actor;
  correlationId: string;
  /** Where the HTTP request came from (the gateway fills it in; case-core's audit records use it). */
  origin?: RequestOrigin;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

/**
 * Calls RPC contracts over NATS request/reply. Returns the typed response or throws a DomainError:
 * the remote code, REQUEST.INVALID before sending a request that breaks the contract,
 * SERVICE.TIMEOUT when no reply came in time, SERVICE.UNAVAILABLE when nobody serves the subject.
 */
export class RpcClient {
  constructor(private readonly options: RpcClientOptions) {}

  async request<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    data: z.input<Req>,
    meta: RpcCallMeta,
  ): Promise<z.output<Res>> {
    const schemas = rpcSchemas(contract);
    const body = {
      actor: meta.actor,
      correlationId: meta.correlationId,
      ...(meta.origin ? { origin: meta.origin } : {}),
      data,
    };
    const checked = schemas.request.safeParse(body);
    if (!checked.success) throw invalidRequest(checked.error);

    const timeout = meta.timeoutMs ?? this.options.timeoutMs ?? 5000;
    const json = JSON.stringify(body);
    const limit = this.options.nc.info?.max_payload;
    if (limit !== undefined && Buffer.byteLength(json) > limit) {
      throw new DomainError('REQUEST.TOO_LARGE', `The request is larger than the ${limit} bytes a message may carry`);
    }
    let payload: unknown;
    try {
      const msg = await this.options.nc.request(this.options.names.subject(contract.subject), json, {
        timeout,
      });
      payload = msg.json();
    } catch (error) {
      throw this.transportError(contract, error, timeout);
    }
    const reply = schemas.reply.safeParse(payload);
    if (!reply.success) throw new DomainError('INTERNAL', `Malformed reply to ${contract.subject}`);
    if (reply.data.ok) return reply.data.data;
    const { code, message, details } = reply.data.error;
    throw new DomainError(code, message, details);
  }

  private transportError(contract: RpcContract, error: unknown, timeout: number): DomainError {
    const cause = error instanceof Error ? error.cause : undefined;
    if (error instanceof errors.TimeoutError || cause instanceof errors.TimeoutError) {
      return new DomainError('SERVICE.TIMEOUT', `No reply to ${contract.subject} within ${timeout} ms`);
    }
    if (
      (error instanceof errors.RequestError && error.isNoResponders()) ||
      error instanceof errors.NoRespondersError ||
      cause instanceof errors.NoRespondersError
    ) {
      return new DomainError('SERVICE.UNAVAILABLE', `Nobody serves ${contract.subject}`);
    }
    return new DomainError('SERVICE.UNAVAILABLE', `Cannot reach ${contract.subject}: ${String(error)}`);
  }
}
