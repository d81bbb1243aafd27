import { DomainError } from '@arende/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type Principal } from './principal.js';

/** Options of {@link createTokenVerifier}. */
export interface TokenVerifierOptions {
  /** Expected `iss`, exactly as the issuer writes it (Keycloak: `https://<host>/realms/arende`). */
  issuer: string;
  /** Expected `aud` (this resource server, e.g. `gateway` or `portal`). */
  audience: string | readonly string[];
  /** JWKS URL; discovered from `<issuer>/.well-known/openid-configuration` when not given. */
  jwksUri?: string;
  /** Allowed clock skew for `exp` (default 5 s). */
  clockToleranceSec?: number;
  /** Verified tokens kept (default 10 000; the oldest go first). */
  cacheSize?: number;
  /** Clock in epoch milliseconds (tests). */
  now?: () => number;
}

/** Cache counters, e.g. for a metrics gauge. */
export interface TokenVerifierStats {
  /** Verifications answered from the cache. */
  hits: number;
  /** Verifications that checked the signature and claims. */
  misses: number;
  /** Tokens in the cache now. */
  size: number;
}

/** Verifies access tokens; see {@link createTokenVerifier}. */
export interface TokenVerifier {
  /**
   * The principal of a valid access token.
   * @throws DomainError AUTH.UNAUTHENTICATED with a short reason (never the token) on any failure.
   */
  verify(token: string): Promise<Principal>;
  stats(): TokenVerifierStats;
}

interface CacheEntry {
  principal: Principal;
  /** Until when the cached answer holds (epoch ms): `exp` plus the tolerance. */
  validUntil: number;
}

// Far above any real access token; stops garbage before it reaches the parser or the cache.
const MAX_TOKEN_LENGTH = 16 * 1024;

function unauthenticated(reason: string): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', reason);
}

function reasonOf(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  if (error instanceof errors.JWTExpired) return 'Token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `Token claim ${error.claim} is not valid`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'Token signed with an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'Token algorithm not allowed';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'Issuer keys unavailable';
  if (error instanceof errors.JOSEError) return 'Token is malformed';
  return 'Issuer keys unavailable';
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  } catch {
    throw unauthenticated('Issuer unreachable');
  }
  if (!response.ok) throw unauthenticated('Issuer discovery failed');
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
    throw unauthenticated('Issuer discovery document does not match the issuer');
  }
  return document.jwks_uri;
}

/**
 * Creates a verifier of RS256 access tokens against the issuer's JWKS (jose): checks the signature,
 * `iss`, `aud` and `exp`, and refuses Keycloak tokens of another `typ` (ID, refresh).
 * Verified tokens are cached until they expire, so a repeated token costs a Map lookup.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { issuer, clockToleranceSec = 5, cacheSize = 10_000, now = Date.now } = options;
  const audience = typeof options.audience === 'string' ? options.audience : [...options.audience];
  const cache = new Map<string, CacheEntry>();
  const counters = { hits: 0, misses: 0 };
  let keys: Promise<JWTVerifyGetKey> | undefined;

  function keySet(): Promise<JWTVerifyGetKey> {
    if (keys === undefined) {
      const pending = (options.jwksUri === undefined ? discoverJwksUri(issuer) : Promise.resolve(options.jwksUri)).then(
        (uri) => createRemoteJWKSet(new URL(uri)),
      );
      keys = pending;
      // Do not remember a failed discovery: the issuer may come up later.
      pending.catch(() => {
        if (keys === pending) keys = undefined;
      });
    }
    return keys;
  }

  async function verifyUncached(token: string): Promise<Principal> {
    counters.misses += 1;
    try {
      if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated('Token is malformed');
      const { payload } = await jwtVerify(token, await keySet(), {
        issuer,
        audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: clockToleranceSec,
        currentDate: new Date(now()),
      });
      // Keycloak marks its tokens: `Bearer` for access tokens, `ID` and `Refresh` for the others.
      if (payload.typ !== undefined && payload.typ !== 'Bearer') throw unauthenticated('Not an access token');
      const principal = principalFromClaims(payload);
      cache.set(token, { principal, validUntil: principal.expiresAt + clockToleranceSec * 1000 });
      if (cache.size > cacheSize) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return principal;
    } catch (error) {
      throw unauthenticated(reasonOf(error));
    }
  }

  return {
    verify(token) {
      const entry = cache.get(token);
      if (entry !== undefined) {
        if (now() < entry.validUntil) {
          counters.hits += 1;
          return Promise.resolve(entry.principal);
        }
        cache.delete(token);
      }
      return verifyUncached(token);
    },
    stats: () => ({ ...counters, size: cache.size }),
  };
}
