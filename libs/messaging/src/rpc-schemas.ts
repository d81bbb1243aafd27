import type { z } from 'zod';
import {
  rpcReplySchema,
  rpcRequestSchema,
  type Actor,
  type RequestOrigin,
  type RpcContract,
  type RpcReply,
} from '@arende/contracts';

export interface RpcRequestBody<T> {
  actor: Actor;
  correlationId: string;
  origin?: RequestOrigin;
  data: T;
}

interface Schemas<Req, Res> {
  request: z.ZodType<RpcRequestBody<Req>>;
  reply: z.ZodType<RpcReply<Res>>;
}

const cache = new WeakMap<RpcContract, Schemas<unknown, unknown>>();

/** The request and reply schemas of a contract, built once (zod schemas are not free to build). */
export function rpcSchemas<Req extends z.ZodType, Res extends z.ZodType>(
  contract: RpcContract<Req, Res>,
): Schemas<z.output<Req>, z.output<Res>> {
  let schemas = cache.get(contract);
  if (!schemas) {
    schemas = {
      request: rpcRequestSchema(contract.request) as unknown as z.ZodType<RpcRequestBody<unknown>>,
      reply: rpcReplySchema(contract.response) as unknown as z.ZodType<RpcReply<unknown>>,
    };
    cache.set(contract, schemas);
  }
  return schemas as Schemas<z.output<Req>, z.output<Res>>;
}
