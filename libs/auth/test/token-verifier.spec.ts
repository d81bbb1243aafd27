import { DomainError } from '@arende/contracts';
import {
  CLIENT_IDS,
  DEFAULT_INTEGRATION_SECRET,
  generateSigningKey,
  LOA3,
  startLocalIssuer,
  type LocalIssuer,
  type SigningJwk,
} from '@arende/local-issuer';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { createTokenVerifier, principalToActor, type TokenVerifier } from '../src/index.js';

async function expectUnauthenticated(verification: Promise<unknown>, reason?: RegExp): Promise<void> {
  const error = await verification.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('AUTH.UNAUTHENTICATED');
  if (reason !== undefined) expect((error as DomainError).message).toMatch(reason);
}

describe(createTokenVerifier.name, () => {
  let key: SigningJwk;
  let issuer: LocalIssuer;
  let gateway: TokenVerifier;
  let portal: TokenVerifier;

  // Signs a token with the issuer's own key (or another one), for claims the issuer would never produce.
  async function sign(claims: Record<string, unknown>, signingKey: SigningJwk = key, kid = key.kid) {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: issuer.issuer,
      aud: 'gateway',
      sub: 'u-1',
      azp: CLIENT_IDS.agentWeb,
      preferred_username: 'anna',
      iat,
      exp: iat + 300,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .sign(await importJWK(signingKey, 'RS256'));
  }

  beforeAll(async () => {
    key = await generateSigningKey();
    issuer = await startLocalIssuer({ keys: [key] });
    gateway = createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' });
    portal = createTokenVerifier({ issuer: issuer.issuer, audience: 'portal', jwksUri: issuer.jwksUri });
  });

  afterAll(async () => {
    await issuer.close();
  });

  describe('verify', () => {
    it('gives an agent token its principal, discovering the JWKS', async () => {
      const principal = await gateway.verify(await issuer.tokenFor('anna'));
      expect(principal).toMatchObject({
        username: 'anna',
        name: 'Anna Lindqvist',
        email: 'anna.lindqvist@solna.example',
        roles: ['agent'],
        groups: ['/inbox/kundtjanst'],
        clientId: CLIENT_IDS.agentWeb,
        acr: '1',
      });
      expect(principalToActor(principal)).toMatchObject({ kind: 'staff', roles: ['agent'] });
    });

    it('gives a supervisor both roles', async () => {
      const principal = await gateway.verify(await issuer.tokenFor('cecilia'));
      expect(principal.roles).toEqual(['supervisor', 'agent']);
    });

    it('gives a contractor token its organisation', async () => {
      const principal = await portal.verify(await issuer.tokenFor('fredrik', { audience: 'portal' }));
      expect(principal).toMatchObject({ roles: ['contractor'], organisation: 'snorojning-ab' });
      expect(principal.clientId).toBe(CLIENT_IDS.portalWeb);
      expect(principalToActor(principal)).toMatchObject({ kind: 'contractor', organisation: 'snorojning-ab' });
    });

    it('gives a citizen token the personnummer and LoA 3', async () => {
      const principal = await portal.verify(await issuer.tokenFor('sara', { audience: 'portal' }));
      expect(principal).toMatchObject({ roles: ['citizen'], personalIdentityNumber: '191212121212', acr: LOA3 });
      expect(principalToActor(principal).kind).toBe('citizen');
    });

    it('makes a service of a client-credentials token of arende-integration', async () => {
      const token = await issuer.clientCredentialsToken(CLIENT_IDS.integration, DEFAULT_INTEGRATION_SECRET);
      const principal = await gateway.verify(token);
      expect(principal).toMatchObject({ clientId: CLIENT_IDS.integration, roles: ['integration'] });
      expect(principalToActor(principal)).toMatchObject({ kind: 'service', name: CLIENT_IDS.integration });
    });

    it('refuses a token for another audience', async () => {
      const token = await issuer.tokenFor('sara', { audience: 'portal' });
      await expectUnauthenticated(gateway.verify(token), /aud/);
    });

    it('refuses a token of another issuer', async () => {
      const other = createTokenVerifier({
        issuer: 'https://keycloak.example/realms/arende',
        audience: 'gateway',
        jwksUri: issuer.jwksUri,
      });
      await expectUnauthenticated(other.verify(await issuer.tokenFor('anna')), /iss/);
    });

    it('refuses an expired token', async () => {
      const token = await sign({ exp: Math.floor(Date.now() / 1000) - 60 });
      await expectUnauthenticated(gateway.verify(token), /expired/);
    });

    it('accepts a token the test signs with the issuer key, so the refusals above are about their claims', async () => {
      await expect(gateway.verify(await sign({}))).resolves.toMatchObject({ username: 'anna' });
    });

    it('refuses a tampered payload', async () => {
      const [header, payload, signature] = (await issuer.tokenFor('anna')).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['admin'] } })).toString(
        'base64url',
      );
      await expectUnauthenticated(gateway.verify(`${header}.${forged}.${signature}`), /signature/);
    });

    it('refuses a token signed with a foreign key under the issuer key id', async () => {
      const token = await sign({}, await generateSigningKey(), key.kid);
      await expectUnauthenticated(gateway.verify(token), /signature/);
    });

    it('refuses a token signed with an unknown key', async () => {
      const foreign = await generateSigningKey();
      await expectUnauthenticated(gateway.verify(await sign({}, foreign, foreign.kid)), /unknown key/);
    });

    it('refuses an unsigned token', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ iss: issuer.issuer, aud: 'gateway', sub: 'u', azp: 'x', exp: Date.now() / 1000 + 60 }),
      ).toString('base64url');
      await expectUnauthenticated(gateway.verify(`${header}.${payload}.`));
    });

    it('refuses a Keycloak ID or refresh token', async () => {
      await expectUnauthenticated(gateway.verify(await sign({ typ: 'ID' })), /Not an access token/);
    });

    it('refuses malformed claims', async () => {
      await expectUnauthenticated(gateway.verify(await sign({ groups: 'kundtjanst' })), /claims/);
    });

    it.each([
      ['garbage', 'not-a-jwt'],
      ['empty', ''],
      ['three dots of nothing', '..'],
      ['huge', 'a'.repeat(20_000)],
    ])('refuses %s', async (_case, token) => {
      await expectUnauthenticated(gateway.verify(token));
    });

    it('never puts the token into the error', async () => {
      const token = await issuer.tokenFor('sara', { audience: 'portal' });
      const error = (await gateway.verify(token).catch((e: unknown) => e)) as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(`${error.message} ${JSON.stringify(error.details ?? null)}`).not.toContain(token.split('.')[1]);
    });

    it('refuses everything with AUTH.UNAUTHENTICATED while the issuer is unreachable', async () => {
      const offline = createTokenVerifier({ issuer: 'http://127.0.0.1:9', audience: 'gateway' });
      await expectUnauthenticated(offline.verify(await sign({})), /Issuer unreachable/);
    });
  });

  describe('cache', () => {
    async function timeVerifies(verifier: TokenVerifier, token: string, times: number): Promise<number> {
      const started = performance.now();
      for (let i = 0; i < times; i += 1) await verifier.verify(token);
      return performance.now() - started;
    }

    it('answers a repeated token from the cache without verifying it again', async () => {
      const options = { issuer: issuer.issuer, audience: 'gateway', jwksUri: issuer.jwksUri };
      const cached = createTokenVerifier(options);
      const uncached = createTokenVerifier({ ...options, cacheSize: 0 });
      const token = await issuer.tokenFor('bertil');
      const first = await cached.verify(token);
      await uncached.verify(token);
      expect(cached.stats()).toEqual({ hits: 0, misses: 1, size: 1 });
      expect(await cached.verify(token)).toBe(first);

      const cachedMs = await timeVerifies(cached, token, 1_000);
      const uncachedMs = await timeVerifies(uncached, token, 1_000);

      expect(cached.stats()).toEqual({ hits: 1_001, misses: 1, size: 1 });
      expect(uncached.stats()).toEqual({ hits: 0, misses: 1_001, size: 0 });
      // A Map lookup against a signature check: an order of magnitude at the very least.
      expect(cachedMs * 10).toBeLessThan(uncachedMs);
    });

    it('refuses a cached token once it has expired', async () => {
      let clock = Date.now();
      const verifier = createTokenVerifier({
        issuer: issuer.issuer,
        audience: 'gateway',
        jwksUri: issuer.jwksUri,
        clockToleranceSec: 0,
        now: () => clock,
      });
      const token = await issuer.tokenFor('bertil');
      await verifier.verify(token);
      await verifier.verify(token);
      expect(verifier.stats().hits).toBe(1);

      clock = decodeJwt(token).exp! * 1000 + 1;
      await expectUnauthenticated(verifier.verify(token), /expired/);
      expect(verifier.stats()).toEqual({ hits: 1, misses: 2, size: 0 });
    });

    it('keeps at most cacheSize tokens, dropping the oldest', async () => {
      const verifier = createTokenVerifier({
        issuer: issuer.issuer,
        audience: 'gateway',
        jwksUri: issuer.jwksUri,
        cacheSize: 2,
      });
      const tokens = await Promise.all([sign({ jti: 'a' }), sign({ jti: 'b' }), sign({ jti: 'c' })]);
      for (const token of tokens) await verifier.verify(token);
      expect(verifier.stats().size).toBe(2);
      await verifier.verify(tokens[0]);
      expect(verifier.stats()).toMatchObject({ hits: 0, misses: 4 });
      await verifier.verify(tokens[2]);
      expect(verifier.stats()).toMatchObject({ hits: 1, misses: 4 });
    });

    it('does not cache a refused token', async () => {
      const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway', jwksUri: issuer.jwksUri });
      const token = await sign({ exp: Math.floor(Date.now() / 1000) - 60 });
      await expectUnauthenticated(verifier.verify(token));
      await expectUnauthenticated(verifier.verify(token));
      expect(verifier.stats()).toEqual({ hits: 0, misses: 2, size: 0 });
    });
  });
});
