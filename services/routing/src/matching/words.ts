const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower-cased words of a text, Swedish letters kept whole (å, ä, ö are letters, not boundaries). */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('sv-SE')
    .split(NOT_WORD)
    .filter((word) => word !== '');
}

/** A keyword as the matcher looks for it: its words and whether the last one is a prefix (`snöröj*`). */
export interface Keyword {
  source: string;
  words: string[];
  prefix: boolean;
}

export function parseKeyword(source: string): Keyword {
  const prefix = source.trimEnd().endsWith('*');
  return { source, words: wordsOf(prefix ? source.trimEnd().slice(0, -1) : source), prefix };
}

/** One field of a message, made ready for keyword lookups once and then asked many times. */
export class FieldWords {
  private readonly set: Set<string>;
  private sorted: string[] | undefined;
  private joined: string | undefined;

  constructor(private readonly words: string[]) {
    this.set = new Set(words);
  }

  has(keyword: Keyword): boolean {
    const { words, prefix } = keyword;
    if (words.length === 0) return false;
    if (words.length === 1) return prefix ? this.hasPrefix(words[0]) : this.set.has(words[0]);
    // A phrase: the words in a row, the last one possibly a prefix.
    if (!words.every((word, i) => (prefix && i === words.length - 1) || this.set.has(word))) return false;
    this.joined ??= ` ${this.words.join(' ')} `;
    return this.joined.includes(` ${words.join(' ')}${prefix ? '' : ' '}`);
  }

  private hasPrefix(start: string): boolean {
    this.sorted ??= [...this.set].sort();
    const sorted = this.sorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < start) low = mid + 1;
      else high = mid;
    }
    return low < sorted.length && sorted[low].startsWith(start);
  }
}
