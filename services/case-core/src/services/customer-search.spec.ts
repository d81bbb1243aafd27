import { emailKey, foldName, nameQueryPatterns } from './customer-search.js';

describe('foldName', () => {
  it.each([
    ['Åsa Öberg', 'asa oberg'],
    ['ÄNGSLYCKAN Förening', 'angslyckan forening'],
    ['  Anna-Karin   Lindén ', 'anna-karin linden'],
    ['Søren Ærø', 'soren aero'],
  ])('folds %p to %p', (text, folded) => {
    expect(foldName(text)).toBe(folded);
  });
});

describe('nameQueryPatterns', () => {
  it('gives one pattern per word, folded', () => {
    expect(nameQueryPatterns(' Öberg  åsa ')).toEqual(['%oberg%', '%asa%']);
  });

  it('escapes the LIKE wildcards a user types', () => {
    expect(nameQueryPatterns('50%_rabatt\\')).toEqual(['%50\\%\\_rabatt\\\\%']);
  });
});

describe('emailKey', () => {
  it('compares e-mail addresses in lower case', () => {
    expect(emailKey(' Asa.Oberg@Example.SE ')).toBe('asa.oberg@example.se');
  });
});
