// Pure helpers that turn what an agent typed into a PostgreSQL tsquery. No I/O.

/** At most this many words of a query count (as-you-type queries are short; this bounds the tsquery). */
export const MAX_QUERY_WORDS = 8;
/** Words shorter than this are matched whole, never as a prefix (a prefix of 1–3 letters matches too much). */
export const MIN_PREFIX_LENGTH = 4;

// Swedish endings the snowball stemmer leaves on (bygglovet, gatan) or that mark a genitive or a compound's
// first part (bygglovs-): stripping them gives the base form that also serves as a prefix. Longest first.
const ENDINGS = [
  'arnas',
  'ernas',
  'ornas',
  'arna',
  'erna',
  'orna',
  'ens',
  'ets',
  'en',
  'et',
  'ar',
  'er',
  'or',
  'n',
  's',
];

export interface QueryWord {
  /** Lower case, letters and digits only. */
  word: string;
  /** Matched as a prefix: the word being typed, or any word long enough. */
  prefix: boolean;
}

/** The words of a query, lower case, in order, without repeats; the last counts as typed-on unless a space follows. */
export function queryWords(text: string, maxWords = MAX_QUERY_WORDS): QueryWord[] {
  const words = [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 60)))].slice(
    0,
    maxWords,
  );
  const typing = !/\s$/.test(text);
  return words.map((word, i) => ({
    word,
    prefix: word.length >= MIN_PREFIX_LENGTH || (typing && i === words.length - 1 && word.length >= 2),
  }));
}

/** The word and its base forms with Swedish endings taken off (bygglovet → bygglov), none shorter than 4 letters. */
export function baseForms(word: string): string[] {
  const forms = [word];
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_PREFIX_LENGTH) {
      forms.push(word.slice(0, -ending.length));
    }
  }
  return [...new Set(forms)];
}

/** The title as search compares it: lower case, words separated by one space. */
export function titleKey(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** The words of a text worth remembering for spelling tolerance: 3 to 40 letters, lower case, no repeats. */
export function termsOf(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) {
      if (word.length >= 3 && word.length <= 40) terms.add(word);
    }
  }
  return [...terms];
}

export interface WordAlternatives {
  word: QueryWord;
  /** From the city's synonym groups. */
  synonyms: string[];
  /** Known words spelt nearly like it, when the word itself is unknown. */
  corrections: string[];
  /** Known compounds ending in it (ansökan: bygglovsansökan), matched whole; optional. */
  compounds?: string[];
}

const operand = (lexeme: string, prefix: boolean) => `'${lexeme}'${prefix ? ':*' : ''}`;

/**
 * `to_tsquery('swedish', …)` text: each word is one group of alternatives (the word and its base forms,
 * as prefixes where allowed; its synonyms, spelling corrections and compounds whole), groups joined by `&` (every
 * word must match) or `|` (any). Lexemes are letters and digits only, so nothing can break the syntax.
 */
export function tsqueryText(words: WordAlternatives[], join: '&' | '|'): string {
  const safe = (term: string) => /^[\p{L}\p{N}]+$/u.test(term);
  const groups = words.map(({ word, synonyms, corrections, compounds = [] }) => {
    const alternatives = new Set<string>();
    for (const form of baseForms(word.word)) alternatives.add(operand(form, word.prefix));
    for (const synonym of synonyms.filter(safe)) {
      for (const form of baseForms(synonym)) alternatives.add(operand(form, form.length >= MIN_PREFIX_LENGTH));
    }
    for (const correction of corrections.filter(safe)) alternatives.add(operand(correction, false));
    for (const compound of compounds.filter(safe)) alternatives.add(operand(compound, false));
    return `(${[...alternatives].join(' | ')})`;
  });
  return groups.join(` ${join} `);
}
