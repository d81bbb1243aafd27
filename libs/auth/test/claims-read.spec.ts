import {
  CLAIMS_READ,
  CLIENT_IDS,
  DEMO_USERS,
  INTEGRATION_ROLES,
  serviceAccountClaims,
  userClaims,
} from '@arende/local-issuer';
import { principalFromClaims, principalToActor } from '../src/index.js';

/** Wraps a token payload so that every claim `principalFromClaims` reads is recorded (nested ones by dotted path). */
function recording(payload: Record<string, unknown>, read: Set<string>, prefix = ''): Record<string, unknown> {
  return new Proxy(payload, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return value;
      const claim = `${prefix}${key}`;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return recording(value as Record<string, unknown>, read, `${claim}.`);
      }
      read.add(claim);
      return value;
    },
  });
}

describe('CLAIMS_READ', () => {
  const claimsRead = new Set(Object.keys(CLAIMS_READ));

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    'lists every claim principalFromClaims reads for %s (the realm export must map each)',
    (_username, user) => {
      const read = new Set<string>();
      const payload = {
        iss: 'http://issuer.test',
        aud: user.audience,
        exp: Math.floor(Date.now() / 1000) + 300,
        typ: 'Bearer',
        azp: 'arende-agent-web',
        ...userClaims(user),
      };
      principalToActor(principalFromClaims(recording(payload, read)));
      expect([...read].filter((claim) => !claimsRead.has(claim))).toEqual([]);
      expect([...read]).toEqual(expect.arrayContaining(['sub', 'azp', 'exp', 'realm_access.roles', 'groups']));
    },
  );

  it('lists every claim principalFromClaims reads for a service account', () => {
    const read = new Set<string>();
    const payload = {
      iss: 'http://issuer.test',
      aud: 'gateway',
      exp: Math.floor(Date.now() / 1000) + 300,
      typ: 'Bearer',
      sub: 'service-account-subject',
      azp: CLIENT_IDS.integration,
      ...serviceAccountClaims(CLIENT_IDS.integration, INTEGRATION_ROLES),
    };
    expect(principalToActor(principalFromClaims(recording(payload, read)))).toMatchObject({ kind: 'service' });
    expect([...read].filter((claim) => !claimsRead.has(claim))).toEqual([]);
  });

  it('notices a claim that is read but not listed', () => {
    const read = new Set<string>();
    const payload = recording({ sub: 's', nickname: 'n' }, read);
    expect(payload.nickname).toBe('n');
    expect([...read].filter((claim) => !claimsRead.has(claim))).toEqual(['nickname']);
  });
});
