import { baseForms, queryWords, termsOf, titleKey, tsqueryText } from './search-query.js';

describe('queryWords', () => {
  it('lower-cases, drops punctuation and repeats, and treats the last word as typed-on', () => {
    expect(queryWords('Bygglov, ALTAN! altan ka')).toEqual([
      { word: 'bygglov', prefix: true },
      { word: 'altan', prefix: true },
      { word: 'ka', prefix: true },
    ]);
  });

  it('matches a short word whole once a space follows it', () => {
    expect(queryWords('ka ')).toEqual([{ word: 'ka', prefix: false }]);
    expect(queryWords('tak bygglov')[0]).toEqual({ word: 'tak', prefix: false });
  });

  it('keeps at most eight words and nothing but letters and digits', () => {
    expect(queryWords("a' OR 1=1; -- b c d e f g h i j").map((w) => w.word)).toHaveLength(8);
    expect(queryWords("x'):*|(y").map((w) => w.word)).toEqual(['x', 'y']);
  });
});

describe('baseForms', () => {
  it('takes off the endings the stemmer leaves on, never below four letters', () => {
    expect(baseForms('bygglovet')).toContain('bygglov');
    expect(baseForms('bygglovs')).toContain('bygglov');
    expect(baseForms('snöröjningen')).toContain('snöröjning');
    expect(baseForms('gatan')).toEqual(['gatan', 'gata']);
    expect(baseForms('tak')).toEqual(['tak']);
  });
});

describe('tsqueryText', () => {
  it('joins one group of alternatives per word', () => {
    const text = tsqueryText(
      [
        { word: { word: 'plogning', prefix: true }, synonyms: ['snöröjning'], corrections: [] },
        { word: { word: 'gta', prefix: false }, synonyms: [], corrections: ['gata', "x'y"] },
      ],
      '&',
    );
    expect(text).toBe("('plogning':* | 'snöröjning':*) & ('gta' | 'gata')");
  });
});

describe('titleKey and termsOf', () => {
  it('normalise titles and collect words of three letters or more', () => {
    expect(titleKey('  Bygglov – för ALTAN? ')).toBe('bygglov för altan');
    expect(termsOf('Bygglov för en altan', 'altan 2026 ok')).toEqual(['bygglov', 'för', 'altan']);
  });
});
