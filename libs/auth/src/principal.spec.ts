import { ActorSchema, DomainError } from '@arende/contracts';
import { principalFromClaims, principalKind, principalToActor, type Principal } from './principal.js';
import { hasAnyRole, ROLES } from './roles.js';

const exp = 1_900_000_000;

const agentClaims = {
  sub: 'u-1',
  azp: 'arende-agent-web',
  exp,
  preferred_username: 'anna',
  name: 'Anna Lindqvist',
  email: 'anna@solna.example',
  realm_access: { roles: ['agent', 'offline_access', 'default-roles-arende'] },
  groups: ['/inbox/kundtjanst'],
  acr: '1',
};

function errorCodeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

function principal(overrides: Partial<Principal>): Principal {
  return { ...principalFromClaims(agentClaims), ...overrides };
}

describe(principalFromClaims.name, () => {
  it('reads the Keycloak claims', () => {
    expect(principalFromClaims(agentClaims)).toEqual({
      subject: 'u-1',
      username: 'anna',
      name: 'Anna Lindqvist',
      email: 'anna@solna.example',
      roles: ['agent', 'offline_access', 'default-roles-arende'],
      groups: ['/inbox/kundtjanst'],
      servicePoints: [],
      acr: '1',
      clientId: 'arende-agent-web',
      expiresAt: exp * 1000,
    });
  });

  it('falls back to client_id, the subject as username and empty roles and groups', () => {
    expect(principalFromClaims({ sub: 's', client_id: 'c', exp })).toMatchObject({
      username: 's',
      name: 's',
      roles: [],
      groups: [],
      clientId: 'c',
    });
  });

  it('is frozen, because verifiers share it between requests', () => {
    const read = principalFromClaims(agentClaims);
    expect(Object.isFrozen(read)).toBe(true);
    expect(Object.isFrozen(read.roles)).toBe(true);
  });

  it.each([
    ['no subject', { ...agentClaims, sub: undefined }],
    ['no client', { ...agentClaims, azp: undefined }],
    ['roles not a list of strings', { ...agentClaims, realm_access: { roles: [1] } }],
    ['groups not a list', { ...agentClaims, groups: '/inbox/kundtjanst' }],
    ['a personnummer of 10 digits', { ...agentClaims, personal_identity_number: '1212121212' }],
    ['an empty organisation', { ...agentClaims, organisation: '' }],
  ])('refuses %s with AUTH.UNAUTHENTICATED', (_case, claims) => {
    expect(errorCodeOf(() => principalFromClaims(claims))).toBe('AUTH.UNAUTHENTICATED');
  });
});

describe(principalToActor.name, () => {
  it('makes staff of an agent with the login, keeping only platform roles, and carries the groups', () => {
    const actor = principalToActor(principal({}));
    expect(actor).toEqual({
      kind: 'staff',
      id: 'u-1',
      name: 'Anna Lindqvist',
      userName: principal({}).username,
      roles: ['agent'],
      groups: ['/inbox/kundtjanst'],
    });
    expect(ActorSchema.parse(actor)).toEqual(actor);
  });

  it.each([ROLES.SUPERVISOR, ROLES.ADMIN, ROLES.OFFICER, ROLES.REPORTING])('makes staff of %s', (role) => {
    expect(principalKind(principal({ roles: [role] }))).toBe('staff');
  });

  it('makes a contractor with its organisation', () => {
    const actor = principalToActor(principal({ roles: ['contractor'], groups: [], organisation: 'snorojning-ab' }));
    expect(actor).toMatchObject({ kind: 'contractor', roles: ['contractor'], organisation: 'snorojning-ab' });
  });

  it('forbids a contractor without an organisation', () => {
    expect(errorCodeOf(() => principalToActor(principal({ roles: ['contractor'] })))).toBe('AUTH.FORBIDDEN');
  });

  it("carries a supervisor's service points from the service_points claim", () => {
    const read = principalFromClaims({
      ...agentClaims,
      realm_access: { roles: ['supervisor'] },
      service_points: ['solna-centrum', 'solna-rasunda'],
    });
    expect(principalToActor(read)).toMatchObject({ kind: 'staff', servicePoints: ['solna-centrum', 'solna-rasunda'] });
    expect(errorCodeOf(() => principalFromClaims({ ...agentClaims, service_points: 'solna-centrum' }))).toBe(
      'AUTH.UNAUTHENTICATED',
    );
  });

  it("carries a citizen's personnummer to the actor, which the contract accepts", () => {
    const actor = principalToActor(
      principal({ roles: ['citizen'], groups: [], personalIdentityNumber: '191212121212' }),
    );
    expect(actor).toMatchObject({ kind: 'citizen', personalIdentityNumber: '191212121212' });
    expect(actor.userName).toBeUndefined();
    expect(ActorSchema.parse(actor)).toEqual(actor);
  });

  it('makes a citizen', () => {
    expect(principalKind(principal({ roles: ['citizen'], personalIdentityNumber: '191212121212' }))).toBe('citizen');
  });

  it('makes a service of a Keycloak service account, named by its client', () => {
    const actor = principalToActor(
      principal({
        username: 'service-account-arende-integration',
        clientId: 'arende-integration',
        roles: ['integration'],
      }),
    );
    expect(actor).toMatchObject({ kind: 'service', name: 'arende-integration', roles: ['integration'] });
  });

  it('forbids a principal without any platform role', () => {
    expect(errorCodeOf(() => principalToActor(principal({ roles: ['offline_access'] })))).toBe('AUTH.FORBIDDEN');
  });
});

describe(hasAnyRole.name, () => {
  it('is true when one of the roles is held', () => {
    expect(hasAnyRole({ roles: ['agent'] }, [ROLES.SUPERVISOR, ROLES.AGENT])).toBe(true);
    expect(hasAnyRole({ roles: ['agent'] }, [ROLES.SUPERVISOR])).toBe(false);
    expect(hasAnyRole({ roles: ['agent'] }, [])).toBe(false);
  });
});
