import { z } from 'zod';
import { ActorSchema } from './actor.js';
import { ErrorBodySchema } from './errors.js';

const SUBJECT = /^[a-z][a-z0-9-]*\.(evt|rpc)\.[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\.v[1-9][0-9]*$/;

/** The envelope of every JetStream event. `id` is a UUIDv7 and is sent as `Nats-Msg-Id`. */
export function eventEnvelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({
    id: z.uuid(),
    type: z.string().regex(SUBJECT),
    occurredAt: z.iso.datetime({ offset: true }),
    correlationId: z.string().min(1).max(200),
    causationId: z.string().max(200).nullable(),
    actor: ActorSchema,
    data,
  });
}

export interface EventEnvelope<T> {
  id: string;
  type: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: z.infer<typeof ActorSchema>;
  data: T;
}

export interface EventContract<T extends z.ZodType = z.ZodType> {
  kind: 'event';
  /** Wire name: do not change without a migration plan (publish a v(N+1) beside it). */
  subject: string;
  /** The stream that captures `<owner>.evt.>`. */
  owner: string;
  version: number;
  data: T;
  envelope: ReturnType<typeof eventEnvelopeSchema<T>>;
  example: z.input<T>;
  description: string;
}

export interface RpcContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  kind: 'rpc';
  /** Wire name: do not change without a migration plan (serve a v(N+1) beside it). */
  subject: string;
  owner: string;
  version: number;
  request: Req;
  response: Res;
  example: z.input<Req>;
  description: string;
}

function parseSubject(subject: string, kind: 'evt' | 'rpc') {
  if (!SUBJECT.test(subject) || subject.split('.')[1] !== kind) {
    throw new Error(`Subject ${subject} does not follow <owner>.${kind}.<name>.v<N>`);
  }
  const parts = subject.split('.');
  return { owner: parts[0], version: Number(parts[parts.length - 1].slice(1)) };
}

export function defineEvent<T extends z.ZodType>(spec: {
  subject: string;
  data: T;
  example: z.input<T>;
  description: string;
}): EventContract<T> {
  const { owner, version } = parseSubject(spec.subject, 'evt');
  return { kind: 'event', owner, version, envelope: eventEnvelopeSchema(spec.data), ...spec };
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(spec: {
  subject: string;
  request: Req;
  response: Res;
  example: z.input<Req>;
  description: string;
}): RpcContract<Req, Res> {
  const { owner, version } = parseSubject(spec.subject, 'rpc');
  return { kind: 'rpc', owner, version, ...spec };
}

/** Where an HTTP request came from, as the gateway saw it (for audit records). */
export const RequestOriginSchema = z.object({
  ip: z.string().max(100).optional(),
  userAgent: z.string().max(500).optional(),
});
export type RequestOrigin = z.infer<typeof RequestOriginSchema>;

/** The body of every NATS request: who asks, under which correlation id, from where, and the command or query. */
export function rpcRequestSchema<T extends z.ZodType>(data: T) {
  return z.object({
    actor: ActorSchema,
    correlationId: z.string().min(1).max(200),
    origin: RequestOriginSchema.optional(),
    data,
  });
}

/** The body of every NATS reply. */
export function rpcReplySchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBodySchema }),
  ]);
}

export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof ErrorBodySchema> };
