const yearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/** The calendar year in Sweden at that instant: case numbers follow the Swedish year, not UTC's. */
export function stockholmYear(at: Date): number {
  return Number(yearFormat.format(at));
}
