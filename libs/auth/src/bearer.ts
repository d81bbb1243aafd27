import { DomainError } from '@arende/contracts';

// RFC 6750 b64token, and a size no real access token reaches.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const MAX_HEADER_LENGTH = 16 * 1024;

/**
 * The token of an `Authorization: Bearer <token>` header.
 * @throws DomainError AUTH.UNAUTHENTICATED when the header is missing or not a bearer token.
 */
export function bearerToken(authorization: string | readonly string[] | undefined): string {
  if (authorization === undefined || authorization === '') {
    throw new DomainError('AUTH.UNAUTHENTICATED', 'Missing bearer token');
  }
  if (typeof authorization !== 'string' || authorization.length > MAX_HEADER_LENGTH) {
    throw new DomainError('AUTH.UNAUTHENTICATED', 'Malformed authorization header');
  }
  const token = BEARER.exec(authorization)?.[1];
  if (token === undefined) throw new DomainError('AUTH.UNAUTHENTICATED', 'Malformed authorization header');
  return token;
}
