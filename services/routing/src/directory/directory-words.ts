import type { DirectoryField } from '@arende/contracts';

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const COMBINING_MARK = /\p{M}/u;
// Most names and titles are ASCII with composed å, ä and ö: already folded once lower-cased (the search folds
// every field of every answer, so the letter-by-letter path below is kept for the rest).
const ALREADY_FOLDED = /^[\t\n\r -~åäö]*$/u;
// The Danish and Norwegian letters Swedes read, and type, as their own.
const LETTER_EQUIVALENTS: Record<string, string> = { ø: 'ö', æ: 'ä' };

/**
 * A text as the directory compares it: lower case, accents dropped (é is e, ü is u) but å, ä and ö kept as
 * the letters they are in Swedish, ø and æ read as ö and ä.
 */
export function foldText(text: string): string {
  const lower = text.toLocaleLowerCase('sv-SE');
  if (ALREADY_FOLDED.test(lower)) return lower;
  let folded = '';
  for (const char of lower.normalize('NFD')) {
    if (!COMBINING_MARK.test(char)) {
      folded += LETTER_EQUIVALENTS[char] ?? char;
      continue;
    }
    const base = folded.at(-1);
    // Ring above on a, diaeresis on a and o: the Swedish letters, composed again below.
    if ((char === '\u030a' && base === 'a') || (char === '\u0308' && (base === 'a' || base === 'o'))) folded += char;
  }
  return folded.normalize('NFC');
}

/** The distinct words of a text, folded. */
export function directoryWords(text: string): string[] {
  return [...new Set(foldText(text).split(NOT_WORD))].filter((word) => word !== '');
}

/**
 * How well a prefix finds a person, best (lowest) first: it is a whole word of the name, begins a word of the
 * name, begins a word of the title or a skill, begins a word of the department or unit name.
 */
export const TIERS = { wholeNameWord: 0, name: 1, titleOrSkill: 2, orgUnit: 3 } as const;

/** Longer words are found by their first this many letters (a query word is cut to it too). */
export const MAX_PREFIX = 40;

export interface SearchableText {
  name: string;
  title: string;
  skills: readonly string[];
  departmentName: string;
  unitName: string | null;
}

/** Every prefix of every word of a person's searchable text, with the best tier it finds the person at. */
export function prefixTiers(person: SearchableText): Map<string, number> {
  const tiers = new Map<string, number>();
  const add = (text: string, tier: number) => {
    for (const word of directoryWords(text)) {
      const letters = [...word].slice(0, MAX_PREFIX);
      for (let end = 1; end <= letters.length; end++) {
        const prefix = letters.slice(0, end).join('');
        const whole = tier === TIERS.name && end === letters.length ? TIERS.wholeNameWord : tier;
        tiers.set(prefix, Math.min(tiers.get(prefix) ?? whole, whole));
      }
    }
  };
  add(person.name, TIERS.name);
  add(person.title, TIERS.titleOrSkill);
  for (const skill of person.skills) add(skill, TIERS.titleOrSkill);
  add(person.departmentName, TIERS.orgUnit);
  if (person.unitName !== null) add(person.unitName, TIERS.orgUnit);
  return tiers;
}

/** The words of a query in the order typed, each cut to MAX_PREFIX letters (a repeated word counts once). */
export function queryWords(q: string): string[] {
  return [...new Set(directoryWords(q).map((word) => [...word].slice(0, MAX_PREFIX).join('')))];
}

/** The name as it sorts: folded, with å ä ö after z as in Swedish (bytewise, so no collation is needed). */
export function nameSortKey(name: string): string {
  return directoryWords(name).join(' ').replaceAll('å', '{').replaceAll('ä', '|').replaceAll('ö', '}');
}

/** The texts of a person holding a word that begins with a word of the query, per field. */
export function matchedTexts(
  person: SearchableText,
  words: readonly string[],
): Array<{ field: DirectoryField; text: string }> {
  const matches = (text: string) => directoryWords(text).some((own) => words.some((word) => own.startsWith(word)));
  const candidates: Array<{ field: DirectoryField; text: string }> = [
    { field: 'name', text: person.name },
    { field: 'title', text: person.title },
    ...person.skills.map((text) => ({ field: 'skill' as const, text })),
    { field: 'department', text: person.departmentName },
    ...(person.unitName === null ? [] : [{ field: 'unit' as const, text: person.unitName }]),
  ];
  return candidates.filter((candidate) => candidate.text !== '' && matches(candidate.text));
}
