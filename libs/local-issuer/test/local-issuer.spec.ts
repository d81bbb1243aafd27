import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  CLIENT_IDS,
  DEFAULT_INTEGRATION_SECRET,
  DEFAULT_REDIRECT_URIS,
  DEMO_USERS,
  LOA3,
  loginWithPassword,
  resourceFor,
  startLocalIssuer,
  type LocalIssuer,
} from '../src/index.js';

describe('startLocalIssuer', () => {
  let issuer: LocalIssuer;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
  });

  afterAll(async () => {
    await issuer.close();
  });

  it('publishes discovery and a JWKS with one RS256 key', async () => {
    const discovery = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(issuer.issuer);
    expect(discovery.jwks_uri).toBe(issuer.jwksUri);
    const jwks = (await (await fetch(issuer.jwksUri)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  describe('tokenFor', () => {
    it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
      'gives %s a Keycloak-shaped access token through code + PKCE',
      async (username, user) => {
        const token = await issuer.tokenFor(username, { audience: user.audience });
        expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
        const claims = decodeJwt(token);
        expect(claims).toMatchObject({
          iss: issuer.issuer,
          sub: user.subject,
          aud: user.audience,
          azp: user.audience === 'portal' ? CLIENT_IDS.portalWeb : CLIENT_IDS.agentWeb,
          typ: 'Bearer',
          preferred_username: username,
          name: `${user.givenName} ${user.familyName}`,
          email: user.email,
          realm_access: { roles: user.roles },
          groups: user.groups,
        });
        expect(claims.exp! - claims.iat!).toBe(300);
        expect(claims.acr).toBe(user.acr);
        expect(claims.service_points).toEqual(user.servicePoints);
        expect(claims.organisation).toBe(user.organisation);
        expect(claims.personal_identity_number).toBe(user.personalIdentityNumber);
      },
    );

    it('gives the citizen a 12-digit personnummer and LoA 3', async () => {
      const claims = decodeJwt(await issuer.tokenFor('sara', { audience: 'portal' }));
      expect(claims.personal_identity_number).toMatch(/^\d{12}$/);
      expect(claims.acr).toBe(LOA3);
    });

    it('gives the contractor its organisation', async () => {
      const claims = decodeJwt(await issuer.tokenFor('fredrik', { audience: 'portal' }));
      expect(claims).toMatchObject({ organisation: 'snorojning-ab', realm_access: { roles: ['contractor'] } });
      // The realm's portal client carries only the e-legitimation broker's acr: a password login has none.
      expect(claims).not.toHaveProperty('acr');
    });

    it('honours an explicit client id', async () => {
      const claims = decodeJwt(await issuer.tokenFor('anna', { audience: 'portal', clientId: CLIENT_IDS.agentWeb }));
      expect(claims).toMatchObject({ aud: 'portal', azp: CLIENT_IDS.agentWeb });
    });

    it('rejects an unknown user', async () => {
      await expect(issuer.tokenFor('mallory')).rejects.toThrow('Unknown user mallory');
    });
  });

  describe('loginWithPassword', () => {
    const login = (password: string) =>
      loginWithPassword({
        issuer: issuer.issuer,
        clientId: CLIENT_IDS.agentWeb,
        redirectUri: DEFAULT_REDIRECT_URIS[0],
        username: 'cecilia',
        password,
        resource: resourceFor('gateway'),
      });

    it('returns an ID token with the profile, groups and acr', async () => {
      const tokens = await login('demo');
      expect(tokens.expiresIn).toBe(300);
      expect(tokens.refreshToken).toEqual(expect.any(String));
      const idToken = decodeJwt(tokens.idToken!);
      expect(idToken).toMatchObject({
        iss: issuer.issuer,
        aud: CLIENT_IDS.agentWeb,
        preferred_username: 'cecilia',
        name: 'Cecilia Holm',
        email: 'cecilia.holm@solna.example',
        groups: ['/inbox/kundtjanst', '/secrecy/kundtjanst'],
        service_points: ['kundtjanst'],
        acr: '1',
      });
      expect(idToken).not.toHaveProperty('realm_access');
    });

    it('puts the personnummer and LoA 3 into the citizen ID token', async () => {
      const tokens = await loginWithPassword({
        issuer: issuer.issuer,
        clientId: CLIENT_IDS.portalWeb,
        redirectUri: DEFAULT_REDIRECT_URIS[0],
        username: 'sara',
        password: 'demo',
        resource: resourceFor('portal'),
      });
      expect(decodeJwt(tokens.idToken!)).toMatchObject({
        aud: CLIENT_IDS.portalWeb,
        personal_identity_number: '191212121212',
        acr: LOA3,
      });
    });

    it('fails with a wrong password', async () => {
      await expect(login('wrong')).rejects.toThrow('Invalid username or password for cecilia');
    });

    it('fails with a redirect URI the client does not have', async () => {
      await expect(
        loginWithPassword({
          issuer: issuer.issuer,
          clientId: CLIENT_IDS.agentWeb,
          redirectUri: 'http://evil.example/callback',
          username: 'anna',
          password: 'demo',
          resource: resourceFor('gateway'),
        }),
      ).rejects.toThrow(/Login failed/);
    });

    it('says clearly when the issuer is not running', async () => {
      await expect(
        loginWithPassword({
          issuer: 'http://127.0.0.1:9',
          clientId: CLIENT_IDS.agentWeb,
          redirectUri: DEFAULT_REDIRECT_URIS[0],
          username: 'anna',
          password: 'demo',
          resource: resourceFor('gateway'),
        }),
      ).rejects.toThrow('Cannot reach the issuer at http://127.0.0.1:9');
    });

    it('takes well under a second', async () => {
      const started = performance.now();
      await login('demo');
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });

  describe('clientCredentialsToken', () => {
    it('gives arende-integration a service-account token', async () => {
      const token = await issuer.clientCredentialsToken(
        CLIENT_IDS.integration,
        DEFAULT_INTEGRATION_SECRET,
        'integration',
      );
      expect(decodeJwt(token)).toMatchObject({
        iss: issuer.issuer,
        sub: CLIENT_IDS.integration,
        aud: 'integration',
        azp: CLIENT_IDS.integration,
        client_id: CLIENT_IDS.integration,
        preferred_username: `service-account-${CLIENT_IDS.integration}`,
        realm_access: { roles: ['integration'] },
      });
    });

    it('rejects a wrong secret', async () => {
      await expect(issuer.clientCredentialsToken(CLIENT_IDS.integration, 'wrong')).rejects.toThrow(
        /Token request failed \(HTTP 401\)/,
      );
    });
  });
});

describe('the login page', () => {
  it('lets its form lead back to every client redirect origin (browsers check the redirects against form-action)', async () => {
    const issuer = await startLocalIssuer({ redirectUris: ['http://127.0.0.1:45678/auth/callback'] });
    try {
      const authorize = new URL(`${issuer.issuer}/auth`);
      authorize.search = new URLSearchParams({
        client_id: CLIENT_IDS.agentWeb,
        redirect_uri: 'http://127.0.0.1:45678/auth/callback',
        response_type: 'code',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        state: 'state-1',
      }).toString();
      const start = await fetch(authorize, { redirect: 'manual' });
      expect(start.status).toBe(303);
      const cookie = start.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      const page = await fetch(new URL(start.headers.get('location')!, issuer.issuer), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="password"');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/^default-src 'none'; form-action 'self' /);
      expect(csp.split(' ')).toEqual(expect.arrayContaining(['http://127.0.0.1:45678', 'http://127.0.0.1:8080']));
    } finally {
      await issuer.close();
    }
  });
});
