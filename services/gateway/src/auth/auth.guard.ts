import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Principal, type TokenVerifier, bearerToken, hasAnyRole } from '@arende/auth';
import { DomainError } from '@arende/contracts';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import type { Role } from '@arende/auth';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
}

/** Every request needs a verified bearer token and one of the route's roles; undeclared routes are refused. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new DomainError('AUTH.FORBIDDEN', 'This route declares no roles');
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.verifier.verify(bearerToken(request.headers.authorization));
    if (!hasAnyRole(principal, roles)) {
      throw new DomainError('AUTH.FORBIDDEN', `Needs one of the roles ${roles.join(', ')}`);
    }
    request.principal = principal;
    return true;
  }
}
