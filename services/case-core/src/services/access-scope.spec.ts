import type { Actor } from '@arende/contracts';
import { accessScope, mayChangeCases, scopeCondition, seesOnlyCustomerVisible } from './access-scope.js';

const staff = (overrides: Partial<Actor> = {}): Actor => ({
  kind: 'staff',
  id: 'anna',
  roles: ['agent'],
  groups: [],
  ...overrides,
});

describe(accessScope.name, () => {
  it('gives an agent the inboxes and secrecy permissions of their groups, and no service points', () => {
    const scope = accessScope(
      staff({
        groups: ['/inbox/kundtjanst', '/inbox/bygglov', '/secrecy/kundtjanst', '/other/x', '/inbox/', '/inbox/bygglov'],
        servicePoints: ['solna-centrum'],
      }),
    );
    expect(scope).toEqual({
      kind: 'staff',
      inboxIds: ['bygglov', 'kundtjanst'],
      secrecyInboxIds: ['kundtjanst'],
      servicePointIds: [],
    });
  });

  it.each(['supervisor', 'admin'])('gives a %s the service points too', (role) => {
    expect(accessScope(staff({ roles: [role], servicePoints: ['solna-centrum'] }))).toEqual({
      kind: 'supervisor',
      inboxIds: [],
      secrecyInboxIds: [],
      servicePointIds: ['solna-centrum'],
    });
  });

  it('limits a contractor to its organisation and a citizen to their personnummer', () => {
    expect(accessScope({ kind: 'contractor', id: 'c', roles: ['contractor'], organisation: 'snorojning-ab' })).toEqual({
      kind: 'contractor',
      organisation: 'snorojning-ab',
    });
    expect(
      accessScope({ kind: 'citizen', id: 'p', roles: ['citizen'], personalIdentityNumber: '191212121212' }),
    ).toEqual({ kind: 'citizen', personalIdentityNumber: '191212121212' });
  });

  it('gives nothing to a contractor without organisation, a citizen without personnummer or a service account', () => {
    expect(accessScope({ kind: 'contractor', id: 'c', roles: ['contractor'] })).toEqual({ kind: 'none' });
    expect(accessScope({ kind: 'citizen', id: 'p', roles: ['citizen'] })).toEqual({ kind: 'none' });
    expect(accessScope({ kind: 'service', id: 's', roles: ['integration'] })).toEqual({ kind: 'none' });
  });

  it('lets only staff, supervisors and the platform change cases, and shows outsiders only customer entries', () => {
    const kinds = [
      accessScope(staff()),
      accessScope(staff({ roles: ['supervisor'] })),
      accessScope({ kind: 'system', id: 'system', roles: [] }),
      accessScope({ kind: 'contractor', id: 'c', roles: [], organisation: 'o' }),
      accessScope({ kind: 'citizen', id: 'p', roles: [], personalIdentityNumber: '191212121212' }),
      accessScope({ kind: 'service', id: 's', roles: [] }),
    ];
    expect(kinds.map(mayChangeCases)).toEqual([true, true, true, false, false, false]);
    expect(kinds.map(seesOnlyCustomerVisible)).toEqual([false, false, false, true, true, false]);
  });
});

describe(scopeCondition.name, () => {
  it('numbers its placeholders after the ones already used and keeps secret cases behind the secrecy groups', () => {
    const params: unknown[] = ['2026-000001'];
    const sql = scopeCondition(
      accessScope(staff({ groups: ['/inbox/kundtjanst', '/secrecy/kundtjanst'] })),
      'c',
      'case_core',
      params,
    );
    expect(sql).toBe('(c.inbox_id = ANY($2::text[]) AND (NOT c.secret OR c.inbox_id = ANY($3::text[])))');
    expect(params).toEqual(['2026-000001', ['kundtjanst'], ['kundtjanst']]);
  });

  it('never shows a secret case to a contractor or citizen, and nothing to a scope of none', () => {
    const params: unknown[] = [];
    expect(scopeCondition({ kind: 'contractor', organisation: 'o' }, 'k', 's', params)).toContain('NOT k.secret');
    expect(scopeCondition({ kind: 'citizen', personalIdentityNumber: '191212121212' }, 'k', 's', params)).toContain(
      'NOT k.secret',
    );
    expect(scopeCondition({ kind: 'none' }, 'k', 's', params)).toBe('FALSE');
    expect(params).toEqual(['o', '191212121212']);
  });
});
