/** A piece of a search hit's title or snippet: plain text, marked where it matched. */
export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The knowledge search's highlights (HTML-escaped text whose only markup is `<mark>…</mark>`) as parts to
 * render as text: no HTML from the server goes into the page.
 */
export function highlightParts(html: string): HighlightPart[] {
  return html.split(/(<mark>|<\/mark>)/).reduce<{ parts: HighlightPart[]; marked: boolean }>(
    ({ parts, marked }, piece) => {
      if (piece === '<mark>') return { parts, marked: true };
      if (piece === '</mark>') return { parts, marked: false };
      const text = piece.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
      return { parts: text === '' ? parts : [...parts, { text, marked }], marked };
    },
    { parts: [], marked: false },
  ).parts;
}
