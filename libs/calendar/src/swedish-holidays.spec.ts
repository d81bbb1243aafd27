import { PUBLISHED_HOLIDAYS } from '../test/published-holidays.js';
import { easterSunday, swedishHolidays } from './swedish-holidays.js';

const DE_FACTO = new Set(['julafton', 'nyårsafton', 'midsommarafton']);

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

describe('swedishHolidays', () => {
  it.each([2025, 2026, 2027, 2028])('matches the published calendar for %i', (year) => {
    expect(swedishHolidays(year)).toEqual(
      PUBLISHED_HOLIDAYS[year].map(([date, name]) => ({
        date,
        name,
        kind: DE_FACTO.has(name) ? 'de-facto' : 'public',
      })),
    );
  });

  it('puts the movable holidays on their weekdays in every year from 1900 to 2200', () => {
    for (let year = 1900; year <= 2200; year++) {
      const byName = new Map(swedishHolidays(year).map((holiday) => [holiday.name, holiday.date]));
      expect(weekday(byName.get('påskdagen')!)).toBe(0);
      expect(weekday(byName.get('långfredagen')!)).toBe(5);
      expect(weekday(byName.get('annandag påsk')!)).toBe(1);
      expect(weekday(byName.get('midsommardagen')!)).toBe(6);
      expect(weekday(byName.get('midsommarafton')!)).toBe(5);
      expect(weekday(byName.get('alla helgons dag')!)).toBe(6);
      const midsummer = byName.get('midsommardagen')!;
      expect(midsummer >= `${year}-06-20` && midsummer <= `${year}-06-26`).toBe(true);
      const allSaints = byName.get('alla helgons dag')!;
      expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);
      // Gregorian Easter lies between 22 March and 25 April.
      const easter = byName.get('påskdagen')!;
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('computes Easter at the edges of its range and in well-known years', () => {
    // Known extremes: 22 March 1818 and 2285, 25 April 1943 and 2038.
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2024)).toBe('2024-03-31');
  });

  it('lists a date once when two holidays share it (Kristi himmelsfärdsdag on första maj, 2008)', () => {
    const may = swedishHolidays(2008).filter((holiday) => holiday.date === '2008-05-01');
    expect(may).toEqual([{ date: '2008-05-01', name: 'första maj', kind: 'public' }]);
  });

  it('refuses years outside the Gregorian range it computes', () => {
    expect(() => swedishHolidays(1582)).toThrow(RangeError);
    expect(() => swedishHolidays(2026.5)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
  });

  it('returns copies that callers cannot use to change the cached table', () => {
    const first = swedishHolidays(2026);
    first[0].name = 'changed';
    expect(swedishHolidays(2026)[0].name).toBe('nyårsdagen');
  });
});
