import {
  MAX_PREFIX,
  TIERS,
  directoryWords,
  foldText,
  matchedTexts,
  nameSortKey,
  prefixTiers,
  queryWords,
} from './directory-words.js';

describe('foldText', () => {
  it('lower-cases and keeps å, ä and ö as letters', () => {
    expect(foldText('ÖSTERMALM Åsa Ängel')).toBe('östermalm åsa ängel');
    expect(foldText('Öst')).toBe(foldText('öst'));
    expect(foldText('öst')).not.toBe(foldText('ost'));
  });

  it('drops other accents and reads ø and æ as ö and ä', () => {
    expect(foldText('André Müller Hélène')).toBe('andre muller helene');
    expect(foldText('Søren Bække')).toBe('sören bäkke');
  });

  it('treats decomposed input like composed input', () => {
    expect(foldText('A\u030asa O\u0308berg')).toBe('åsa öberg');
    expect(foldText('A\u030asa')).toBe(foldText('Åsa'));
  });
});

describe('directoryWords', () => {
  it('splits on anything but letters and digits, once per word', () => {
    expect(directoryWords('Anna-Karin Öberg, IT-stöd (IT)')).toEqual(['anna', 'karin', 'öberg', 'it', 'stöd']);
  });
});

describe('prefixTiers', () => {
  const tiers = prefixTiers({
    name: 'Bo Bygg',
    title: 'Bygglovshandläggare',
    skills: ['bygg'],
    departmentName: 'Stadsbyggnad',
    unitName: 'Östra',
  });

  it('gives every prefix of every word the best tier it finds the person at', () => {
    expect(tiers.get('bo')).toBe(TIERS.wholeNameWord);
    expect(tiers.get('b')).toBe(TIERS.name);
    expect(tiers.get('bygg')).toBe(TIERS.wholeNameWord);
    expect(tiers.get('byggl')).toBe(TIERS.titleOrSkill);
    expect(tiers.get('stadsb')).toBe(TIERS.orgUnit);
    expect(tiers.get('öst')).toBe(TIERS.orgUnit);
    expect(tiers.has('ost')).toBe(false);
  });

  it('cuts long words, and query words, to MAX_PREFIX letters', () => {
    const long = 'å'.repeat(MAX_PREFIX + 5);
    const cut = prefixTiers({ name: long, title: '', skills: [], departmentName: '', unitName: null });
    expect(Math.max(...[...cut.keys()].map((prefix) => [...prefix].length))).toBe(MAX_PREFIX);
    expect(queryWords(`${long} Bo bo`)).toEqual(['å'.repeat(MAX_PREFIX), 'bo']);
  });
});

describe('nameSortKey', () => {
  it('sorts å, ä, ö after z, in that order', () => {
    const names = ['Örjan', 'Åsa', 'Zara', 'Ärla', 'Anna'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Anna', 'Zara', 'Åsa', 'Ärla', 'Örjan']);
  });
});

describe('matchedTexts', () => {
  it('names each text holding a word that begins with a query word', () => {
    const person = {
      name: 'Karin Öberg',
      title: 'Handläggare',
      skills: ['bygglov', 'strandskydd'],
      departmentName: 'Stadsbyggnad',
      unitName: 'Bygglovsenheten',
    };
    expect(matchedTexts(person, ['byg', 'öb'])).toEqual([
      { field: 'name', text: 'Karin Öberg' },
      { field: 'skill', text: 'bygglov' },
      { field: 'unit', text: 'Bygglovsenheten' },
    ]);
  });
});
