/**
 * Keyboard movement in a tab list (WAI-ARIA tabs pattern): the arrows move to the next or previous tab,
 * wrapping round; Home and End go to the first and the last. Answers the index to move to, or undefined for
 * a key the tab list leaves alone.
 */
export function tabIndexForKey(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** The tab remembered for the session if it is still one of `ids`, else the first. */
export function rememberedTab(stored: string | null, ids: readonly string[]): string | undefined {
  return stored !== null && ids.includes(stored) ? stored : ids[0];
}
