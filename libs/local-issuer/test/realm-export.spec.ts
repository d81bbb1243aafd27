import { INBOXES } from '@arende/demo-data';
import { decodeJwt } from 'jose';
import {
  CLAIMS_READ,
  CLIENT_IDS,
  DEFAULT_INTEGRATION_SECRET,
  DEFAULT_REDIRECT_URIS,
  DEMO_USERS,
  clientForAudience,
  startLocalIssuer,
  type ClaimShape,
  type LocalIssuer,
} from '../src/index.js';
import {
  KNOWN_IDP_MAPPERS,
  KNOWN_PROTOCOL_MAPPERS,
  LOCAL_ONLY_CLAIMS,
  accessTokenClaims,
  claimPathSegments,
  fits,
  flattenClaims,
  groupPaths,
  readRealm,
  type Client,
  type RealmExport,
} from './support/realm.js';

const realm: RealmExport = readRealm();
const STAFF_ROLES = ['agent', 'supervisor', 'admin', 'officer', 'reporting'];
const REALM_ROLES = [...STAFF_ROLES, 'contractor', 'citizen', 'integration'];
const WEB_CLIENTS = [CLIENT_IDS.agentWeb, CLIENT_IDS.portalWeb];
const SERVICE_CLIENTS = [CLIENT_IDS.integration, 'arende-open311'];
const PNR_CLAIM = 'https://id.oidc.se/claim/personalIdentityNumber';
const COORDINATION_CLAIM = 'https://id.oidc.se/claim/coordinationNumber';

function client(clientId: string): Client {
  const found = realm.clients.find((candidate) => candidate.clientId === clientId);
  if (found === undefined) throw new Error(`No client ${clientId}`);
  return found;
}

function idpMappers(alias: string, type: string) {
  return realm.identityProviderMappers.filter(
    (mapper) => mapper.identityProviderAlias === alias && mapper.identityProviderMapper === type,
  );
}

/** Realm roles Keycloak puts into a client's tokens: fullScopeAllowed is off, so only the client's scope mappings. */
function rolesInScope(clientId: string): string[] {
  return realm.scopeMappings.filter((mapping) => mapping.client === clientId).flatMap((mapping) => mapping.roles);
}

/** Mismatches between a token and the claims the realm maps for the client that issued it. */
function driftOf(payload: Record<string, unknown>, clientId: string): string[] {
  const mapped = accessTokenClaims(realm, clientId);
  const problems: string[] = [];
  for (const [claim, value] of flattenClaims(payload)) {
    if (LOCAL_ONLY_CLAIMS.has(claim)) continue;
    const shape = mapped.get(claim);
    if (shape === undefined) problems.push(`${claim} is in the local token but no mapper of ${clientId} produces it`);
    else if (!fits(value, shape))
      problems.push(`${claim} is ${JSON.stringify(value)}, ${clientId} maps it as ${shape}`);
  }
  return problems;
}

describe('the Keycloak realm export', () => {
  it('is realm arende with the platform roles', () => {
    expect(realm).toMatchObject({ realm: 'arende', enabled: true });
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...REALM_ROLES].sort());
    // Keycloak creates roles, profile, email, acr, basic … only when the import brings no client scopes of its own.
    expect(realm.clientScopes).toBeUndefined();
  });

  it('has /inbox/<id> and /secrecy/<id> groups for every demo inbox', () => {
    const paths = groupPaths(realm.groups);
    for (const inbox of INBOXES) {
      expect(paths).toContain(inbox.group);
      expect(paths).toContain(`/secrecy/${inbox.id}`);
    }
  });

  it.each(WEB_CLIENTS)('makes %s a public code + PKCE S256 client', (clientId) => {
    const web = client(clientId);
    expect(web).toMatchObject({
      enabled: true,
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      fullScopeAllowed: false,
    });
    expect(web.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(web.redirectUris).toEqual(expect.arrayContaining([...DEFAULT_REDIRECT_URIS]));
    expect(web.webOrigins.every((origin) => !origin.includes('*'))).toBe(true);
  });

  it.each([
    [CLIENT_IDS.agentWeb, 'gateway'],
    [CLIENT_IDS.portalWeb, 'portal'],
  ])('puts the audience of %s into aud: %s', (clientId, audience) => {
    const audiences = client(clientId)
      .protocolMappers.filter((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')
      .map((mapper) => mapper.config['included.client.audience']);
    expect(audiences).toEqual([audience]);
    expect(clientForAudience(audience)).toBe(clientId);
  });

  it.each(['gateway', 'portal'])('makes %s a resource server with no flow at all', (clientId) => {
    expect(client(clientId)).toMatchObject({
      publicClient: false,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
  });

  it.each(SERVICE_CLIENTS)('makes %s a confidential client-credentials client with role integration', (clientId) => {
    expect(client(clientId)).toMatchObject({
      publicClient: false,
      clientAuthenticatorType: 'client-secret',
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: true,
    });
    // No secret in the file: Keycloak generates one on import (the demo secret must never reach a real realm).
    expect(client(clientId)).not.toHaveProperty('secret');
    const account = realm.users.find((user) => user.serviceAccountClientId === clientId);
    expect(account).toMatchObject({ username: `service-account-${clientId}`, realmRoles: ['integration'] });
    expect(rolesInScope(clientId)).toEqual(['integration']);
  });

  it('uses only mapper types Keycloak 26 has', () => {
    const protocolMappers = realm.clients.flatMap((each) =>
      each.protocolMappers.map((mapper) => mapper.protocolMapper),
    );
    expect(protocolMappers.filter((type) => !KNOWN_PROTOCOL_MAPPERS.has(type))).toEqual([]);
    const brokerMappers = realm.identityProviderMappers.map((mapper) => mapper.identityProviderMapper);
    expect(brokerMappers.filter((type) => !KNOWN_IDP_MAPPERS.has(type))).toEqual([]);
  });

  it('maps groups with their full path', () => {
    for (const clientId of WEB_CLIENTS) {
      const groups = client(clientId).protocolMappers.find((mapper) => mapper.config['claim.name'] === 'groups');
      expect(groups).toMatchObject({ protocolMapper: 'oidc-group-membership-mapper', config: { 'full.path': 'true' } });
    }
  });

  it('declares the attributes the mappers read in the user profile (Keycloak drops undeclared ones otherwise)', () => {
    const [profile] = realm.components['org.keycloak.userprofile.UserProfileProvider'] ?? [];
    const config = JSON.parse(profile?.config['kc.user.profile.config']?.[0] ?? '{}') as {
      unmanagedAttributePolicy?: string;
      attributes: { name: string; multivalued?: boolean }[];
    };
    expect(config.attributes.find((attribute) => attribute.name === 'organisation')).toMatchObject({
      multivalued: false,
    });
    expect(config.attributes.find((attribute) => attribute.name === 'service_point')).toMatchObject({
      multivalued: true,
    });
    // The broker writes personal_identity_number / coordination_number: unmanaged, kept because the policy allows them.
    expect(config.unmanagedAttributePolicy).toBe('ADMIN_EDIT');
  });

  describe('the e-legitimation identity provider', () => {
    const idp = realm.identityProviders.find((candidate) => candidate.alias === 'e-legitimation');

    it('is an OIDC broker asking for the oidc.se natural person scope', () => {
      expect(idp).toMatchObject({ providerId: 'oidc', enabled: true });
      expect(idp?.config.defaultScope?.split(' ')).toEqual(['openid', 'https://id.oidc.se/scope/naturalPersonNumber']);
      expect(idp?.config.pkceEnabled).toBe('true');
    });

    it('puts personnummer and samordningsnummer into attributes that both become personal_identity_number', () => {
      const importers = idpMappers('e-legitimation', 'oidc-user-attribute-idp-mapper');
      const attributeOf = (claim: string) => {
        const mapper = importers.find((each) => claimPathSegments(each.config.claim ?? '').join('.') === claim);
        // Unescaped dots would make Keycloak look for a nested claim "https://id" -> "oidc" -> …
        expect(claimPathSegments(mapper?.config.claim ?? '')).toHaveLength(1);
        return mapper?.config['user.attribute'];
      };
      const attributes = [attributeOf(PNR_CLAIM), attributeOf(COORDINATION_CLAIM)];
      expect(new Set(attributes).size).toBe(2);
      for (const clientId of [CLIENT_IDS.portalWeb, CLIENT_IDS.agentWeb]) {
        const sources = client(clientId)
          .protocolMappers.filter((mapper) => mapper.config['claim.name'] === 'personal_identity_number')
          .map((mapper) => mapper.config['user.attribute']);
        expect(sources.sort()).toEqual([...attributes].sort());
      }
    });

    it('keeps the broker acr for the portal (a session note, not the password-login acr scope)', () => {
      const [note] = idpMappers('e-legitimation', 'oidc-user-session-note-idp-mapper');
      const claims = JSON.parse(note?.config.claims ?? '[]') as { key: string; value: string }[];
      expect(claims.map((claim) => claim.key)).toEqual(['acr']);
      expect(new RegExp(`^${claims[0]?.value}$`).test('http://id.elegnamnden.se/loa/1.0/loa3')).toBe(true);
      expect(new RegExp(`^${claims[0]?.value}$`).test('http://id.elegnamnden.se/loa/1.0/loa4')).toBe(true);
      const portal = client(CLIENT_IDS.portalWeb);
      expect(portal.defaultClientScopes).not.toContain('acr');
      expect(portal.protocolMappers.find((mapper) => mapper.config['claim.name'] === 'acr')).toMatchObject({
        protocolMapper: 'oidc-usersessionmodel-note-mapper',
        config: { 'user.session.note': 'acr' },
      });
    });

    it('gives role citizen on first login', () => {
      for (const alias of ['e-legitimation', 'e-legitimation-saml']) {
        expect(idpMappers(alias, 'hardcoded-role-idp-mapper')).toEqual([
          expect.objectContaining({ config: { syncMode: 'IMPORT', role: 'citizen' } }),
        ]);
      }
    });

    it('has a disabled Sweden Connect SAML variant mapping personalIdentityNumber', () => {
      const saml = realm.identityProviders.find((candidate) => candidate.alias === 'e-legitimation-saml');
      expect(saml).toMatchObject({ providerId: 'saml', enabled: false });
      const pnr = idpMappers('e-legitimation-saml', 'saml-user-attribute-idp-mapper').find(
        (mapper) => mapper.config['attribute.name'] === 'urn:oid:1.2.752.29.4.13',
      );
      expect(pnr?.config['user.attribute']).toBe('personal_identity_number');
      expect(JSON.parse(saml?.config.authnContextClassRefs ?? '[]')).toEqual([
        'http://id.elegnamnden.se/loa/1.0/loa3',
        'http://id.elegnamnden.se/loa/1.0/loa4',
      ]);
    });
  });

  describe('MFA for staff', () => {
    const flows = new Map(realm.authenticationFlows.map((flow) => [flow.alias, flow]));

    /** Conditional subflows reachable from the browser flow that end in an OTP form. */
    function otpConditions(alias: string): string[] {
      const flow = flows.get(alias);
      if (flow === undefined) throw new Error(`No flow ${alias}`);
      const executions = flow.authenticationExecutions;
      const here = executions.some(
        (execution) => execution.authenticator === 'auth-otp-form' && execution.requirement === 'REQUIRED',
      )
        ? executions.flatMap((execution) =>
            execution.authenticator === 'conditional-user-role' ? [execution.authenticatorConfig ?? ''] : [],
          )
        : [];
      const below = executions.flatMap((execution) =>
        execution.authenticatorFlow && execution.requirement !== 'DISABLED'
          ? otpConditions(execution.flowAlias ?? '')
          : [],
      );
      return [...here, ...below];
    }

    it('asks every holder of gateway.staff for OTP in the browser flow', () => {
      expect(flows.get(realm.browserFlow)?.topLevel).toBe(true);
      const configs = otpConditions(realm.browserFlow);
      expect(configs).toHaveLength(1);
      const config = realm.authenticatorConfig.find((each) => each.alias === configs[0]);
      expect(config?.config).toMatchObject({ condUserRole: 'gateway.staff' });
      expect(realm.roles.client.gateway?.map((role) => role.name)).toEqual(['staff']);
    });

    it('makes every staff role, and no other, a composite of gateway.staff', () => {
      for (const role of realm.roles.realm) {
        const staff = role.composites?.client?.gateway?.includes('staff') ?? false;
        expect([role.name, staff]).toEqual([role.name, STAFF_ROLES.includes(role.name)]);
      }
    });

    it('brings the built-in flows Keycloak does not add itself when flows are imported', () => {
      for (const alias of [realm.browserFlow, realm.directGrantFlow, realm.registrationFlow]) {
        expect(flows.get(alias)?.topLevel).toBe(true);
      }
    });
  });

  describe('claims', () => {
    it('reads no claim only the local issuer writes', () => {
      expect(Object.keys(CLAIMS_READ).filter((claim) => LOCAL_ONLY_CLAIMS.has(claim))).toEqual([]);
    });

    it.each(WEB_CLIENTS)('%s maps every claim the services read, in the shape they read', (clientId) => {
      const mapped = accessTokenClaims(realm, clientId);
      const missing = Object.entries(CLAIMS_READ).filter(([claim, shape]) => mapped.get(claim) !== shape);
      expect(missing).toEqual([]);
    });

    it.each(SERVICE_CLIENTS)('%s maps what a service account principal needs', (clientId) => {
      const mapped = accessTokenClaims(realm, clientId);
      const needed: [string, ClaimShape][] = [
        ['iss', 'string'],
        ['aud', 'audience'],
        ['exp', 'number'],
        ['typ', 'string'],
        ['sub', 'string'],
        ['azp', 'string'],
        ['preferred_username', 'string'],
        ['realm_access.roles', 'string[]'],
      ];
      expect(needed.filter(([claim, shape]) => mapped.get(claim) !== shape)).toEqual([]);
    });
  });
});

describe('the local issuer against the realm export', () => {
  let issuer: LocalIssuer;

  beforeAll(async () => {
    issuer = await startLocalIssuer();
  });

  afterAll(async () => {
    await issuer.close();
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    "issues %s only claims the realm maps, in the realm's shapes",
    async (username, user) => {
      const clientId = clientForAudience(user.audience);
      const payload = decodeJwt(await issuer.tokenFor(username, { audience: user.audience }));
      expect(driftOf(payload, clientId)).toEqual([]);
      // Keycloak would leave out roles the client's scope does not hold, and groups the realm does not have.
      expect(user.roles.filter((role) => !rolesInScope(clientId).includes(role))).toEqual([]);
      expect(user.groups.filter((group) => !groupPaths(realm.groups).includes(group))).toEqual([]);
    },
  );

  it('issues the integration service account only claims the realm maps', async () => {
    const token = await issuer.clientCredentialsToken(CLIENT_IDS.integration, DEFAULT_INTEGRATION_SECRET, 'gateway');
    expect(driftOf(decodeJwt(token), CLIENT_IDS.integration)).toEqual([]);
  });

  it('fails on a claim the realm does not map, or maps in another shape', () => {
    expect(driftOf({ organization: 'snorojning-ab' }, CLIENT_IDS.portalWeb)).toEqual([
      'organization is in the local token but no mapper of arende-portal-web produces it',
    ]);
    expect(driftOf({ service_points: 'kundtjanst' }, CLIENT_IDS.agentWeb)).toEqual([
      'service_points is "kundtjanst", arende-agent-web maps it as string[]',
    ]);
  });
});
