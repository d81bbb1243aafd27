import { easterSunday, swedishHolidays } from './swedish-holidays.js';

// The published Swedish calendars (helgdagar och aftnar) for 2025–2028, written out by hand.
const PUBLISHED: Record<number, Array<[string, string]>> = {
  2025: [
    ['2025-01-01', 'nyårsdagen'],
    ['2025-01-06', 'trettondedag jul'],
    ['2025-04-18', 'långfredagen'],
    ['2025-04-20', 'påskdagen'],
    ['2025-04-21', 'annandag påsk'],
    ['2025-05-01', 'första maj'],
    ['2025-05-29', 'Kristi himmelsfärdsdag'],
    ['2025-06-06', 'nationaldagen'],
    ['2025-06-08', 'pingstdagen'],
    ['2025-06-20', 'midsommarafton'],
    ['2025-06-21', 'midsommardagen'],
    ['2025-11-01', 'alla helgons dag'],
    ['2025-12-24', 'julafton'],
    ['2025-12-25', 'juldagen'],
    ['2025-12-26', 'annandag jul'],
    ['2025-12-31', 'nyårsafton'],
  ],
  2026: [
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-05', 'påskdagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'pingstdagen'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-06-20', 'midsommardagen'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-24', 'julafton'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-26', 'annandag jul'],
    ['2026-12-31', 'nyårsafton'],
  ],
  2027: [
    ['2027-01-01', 'nyårsdagen'],
    ['2027-01-06', 'trettondedag jul'],
    ['2027-03-26', 'långfredagen'],
    ['2027-03-28', 'påskdagen'],
    ['2027-03-29', 'annandag påsk'],
    ['2027-05-01', 'första maj'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'],
    ['2027-05-16', 'pingstdagen'],
    ['2027-06-06', 'nationaldagen'],
    ['2027-06-25', 'midsommarafton'],
    ['2027-06-26', 'midsommardagen'],
    ['2027-11-06', 'alla helgons dag'],
    ['2027-12-24', 'julafton'],
    ['2027-12-25', 'juldagen'],
    ['2027-12-26', 'annandag jul'],
    ['2027-12-31', 'nyårsafton'],
  ],
  2028: [
    ['2028-01-01', 'nyårsdagen'],
    ['2028-01-06', 'trettondedag jul'],
    ['2028-04-14', 'långfredagen'],
    ['2028-04-16', 'påskdagen'],
    ['2028-04-17', 'annandag påsk'],
    ['2028-05-01', 'första maj'],
    ['2028-05-25', 'Kristi himmelsfärdsdag'],
    ['2028-06-04', 'pingstdagen'],
    ['2028-06-06', 'nationaldagen'],
    ['2028-06-23', 'midsommarafton'],
    ['2028-06-24', 'midsommardagen'],
    ['2028-11-04', 'alla helgons dag'],
    ['2028-12-24', 'julafton'],
    ['2028-12-25', 'juldagen'],
    ['2028-12-26', 'annandag jul'],
    ['2028-12-31', 'nyårsafton'],
  ],
};
const DE_FACTO = new Set(['julafton', 'nyårsafton', 'midsommarafton']);

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

describe('swedishHolidays', () => {
  it.each([2025, 2026, 2027, 2028])('matches the published calendar for %i', (year) => {
    expect(swedishHolidays(year)).toEqual(
      PUBLISHED[year].map(([date, name]) => ({ date, name, kind: DE_FACTO.has(name) ? 'de-facto' : 'public' })),
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
