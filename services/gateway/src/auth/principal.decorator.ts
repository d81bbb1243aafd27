import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { type Actor, type RequestOrigin } from '@arende/contracts';
import { principalToActor } from '@arende/auth';
import type { AuthenticatedRequest } from './auth.guard.js';

/** Where each request's actor came from: `requestContext(actor)` sends it along for case-core's audit records. */
const origins = new WeakMap<Actor, RequestOrigin>();

/** The origin of the HTTP request the actor was made for (by {@link CurrentActor}). */
export function originOf(actor: Actor): RequestOrigin | undefined {
  return origins.get(actor);
}

/** The caller as an Actor, from the token the guard verified. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentActor on a route without authentication');
  const actor = principalToActor(request.principal);
  const userAgent = request.headers['user-agent'];
  origins.set(actor, {
    ...(request.ip ? { ip: request.ip.slice(0, 100) } : {}),
    ...(typeof userAgent === 'string' && userAgent !== '' ? { userAgent: userAgent.slice(0, 500) } : {}),
  });
  return actor;
});
