import { DomainError } from '@arende/contracts';
import { bearerToken } from './bearer.js';

function errorCodeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe(bearerToken.name, () => {
  it('returns the token of a bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def-_~+/.ghi==')).toBe('abc.def-_~+/.ghi==');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['no token', 'Bearer '],
    ['two tokens', 'Bearer a b'],
    ['characters outside b64token', 'Bearer a<b>'],
    ['repeated headers', ['Bearer a', 'Bearer b']],
    ['a huge header', `Bearer ${'a'.repeat(20_000)}`],
  ])('refuses %s with AUTH.UNAUTHENTICATED', (_case, header) => {
    expect(errorCodeOf(() => bearerToken(header))).toBe('AUTH.UNAUTHENTICATED');
  });
});
