import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { type Actor } from '@arende/contracts';
import { principalToActor } from '@arende/auth';
import type { AuthenticatedRequest } from './auth.guard.js';

/** The caller as an Actor, from the token the guard verified. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentActor on a route without authentication');
  return principalToActor(request.principal);
});
