import { z } from 'zod';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  DomainError,
  invalidRequest,
  type Actor,
  type ErrorBody,
  type RequestOrigin,
  type RpcContract,
  type RpcReply,
} from '@arende/contracts';
import { type Metrics, correlation } from '@arende/observability';
import type { StructuredLogger } from '@arende/persistence';
import type { MessagingNames } from './names.js';
import { rpcSchemas, type RpcRequestBody } from './rpc-schemas.js';

export interface RpcContext {
  actor: Actor;
  correlationId: string;
  /** Where the HTTP request behind this one came from, when the gateway said. */
  origin?: RequestOrigin;
}

export type RpcHandler<Req extends z.ZodType, Res extends z.ZodType> = (
  data: z.output<Req>,
  ctx: RpcContext,
) => Promise<z.input<Res>>;

export interface RpcServerOptions {
  nc: NatsConnection;
  names: MessagingNames;
  /** The queue group: replicas of one service share the requests. */
  service: string;
  logger: StructuredLogger;
  /** Observes each request's handling time by subject and outcome (`ok` or the error code). */
  metrics?: Pick<Metrics, 'rpcDuration'>;
}

/**
 * Answers NATS requests for RPC contracts. Each request body is parsed with
 * `rpcRequestSchema(contract.request)`; the reply is `{ ok: true, data }` or `{ ok: false, error }`
 * (a DomainError keeps its code; a ZodError becomes REQUEST.INVALID with field paths; anything else
 * is logged and becomes INTERNAL). Handlers run inside the request's correlation id.
 */
export class RpcServer {
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: RpcServerOptions) {}

  /** Serves `contract` with `handler` (queue group = the service name). */
  handle<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    handler: RpcHandler<Req, Res>,
  ): this {
    const { request } = rpcSchemas(contract);
    const subscription = this.options.nc.subscribe(this.options.names.subject(contract.subject), {
      queue: this.options.service,
      callback: (error, msg) => {
        if (error) {
          this.options.logger.error({ err: error, subject: contract.subject }, 'RPC subscription failed');
          return;
        }
        const done = this.serve(contract, request, handler, msg);
        this.inFlight.add(done);
        void done.finally(() => this.inFlight.delete(done));
      },
    });
    this.subscriptions.push(subscription);
    return this;
  }

  /** Stops taking requests and waits for the ones being handled. */
  async stop(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain()));
    await Promise.all([...this.inFlight]);
  }

  /** Same as {@link RpcServer.stop}. */
  close(): Promise<void> {
    return this.stop();
  }

  private async serve<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    schema: z.ZodType<RpcRequestBody<z.output<Req>>>,
    handler: RpcHandler<Req, Res>,
    msg: Msg,
  ): Promise<void> {
    const started = performance.now();
    let reply = await this.answer(contract, schema, handler, msg);
    try {
      msg.respond(JSON.stringify(reply));
    } catch (error) {
      // A reply over the server's max_payload (or a closed connection): answer with an error rather
      // than leave the caller waiting, and never let it escape as an unhandled rejection.
      this.options.logger.error({ err: error, subject: contract.subject }, 'RPC reply could not be sent');
      reply = { ok: false, error: { code: 'INTERNAL', message: 'The reply could not be sent' } };
      try {
        msg.respond(JSON.stringify(reply));
      } catch {
        // the connection is gone; the caller times out
      }
    }
    this.options.metrics?.rpcDuration
      .labels(contract.subject, reply.ok ? 'ok' : reply.error.code)
      .observe((performance.now() - started) / 1000);
  }

  private async answer<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    schema: z.ZodType<RpcRequestBody<z.output<Req>>>,
    handler: RpcHandler<Req, Res>,
    msg: Msg,
  ): Promise<RpcReply<unknown>> {
    let body: unknown;
    try {
      body = msg.json();
    } catch {
      return { ok: false, error: { code: 'REQUEST.INVALID', message: 'The request is not JSON' } };
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error).toBody() };
    const { actor, correlationId, origin, data } = parsed.data;
    return correlation.run(correlationId, async (): Promise<RpcReply<unknown>> => {
      try {
        return { ok: true, data: await handler(data, { actor, correlationId, ...(origin ? { origin } : {}) }) };
      } catch (error) {
        return { ok: false, error: this.toErrorBody(contract, error) };
      }
    });
  }

  private toErrorBody(contract: RpcContract, error: unknown): ErrorBody {
    if (error instanceof DomainError) return error.toBody();
    if (error instanceof z.ZodError) return invalidRequest(error).toBody();
    this.options.logger.error({ err: error, subject: contract.subject }, 'RPC handler failed');
    return { code: 'INTERNAL', message: 'Internal error' };
  }
}
