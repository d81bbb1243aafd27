// Letters that Unicode does not decompose into a base letter and a mark.
const SPECIAL: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/**
 * A name reduced for searching: lower case, accents and the Swedish dots and rings removed, one space
 * between words. "Åsa Öberg" and "asa oberg" both give "asa oberg", so an agent finds a card whatever
 * keyboard the name was typed on.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæßđłþ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a name query, folded, each as a LIKE pattern matching it anywhere. */
export function nameQueryPatterns(query: string): string[] {
  const words = foldName(query).split(' ').filter(Boolean);
  return words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** The e-mail key: trimmed, lower case (the local part is case-insensitive at every provider that matters). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
