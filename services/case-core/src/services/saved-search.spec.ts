import { savedSearchKey } from './saved-search.service.js';

describe('savedSearchKey', () => {
  it('keys a name trimmed and in Swedish lower case, so one name in another case is the same search', () => {
    expect(savedSearchKey('  Öppna FAKTURAÄRENDEN ')).toBe('öppna fakturaärenden');
    expect(savedSearchKey('Fakturor')).toBe(savedSearchKey('fakturor'));
    expect(savedSearchKey('Fakturor')).not.toBe(savedSearchKey('Faktura'));
  });
});
