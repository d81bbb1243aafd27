/**
 * Swedish personal identity numbers: personnummer and samordningsnummer (co-ordination number,
 * day of birth + 60), as defined by Skatteverket.
 *
 * Error messages never repeat the number: they end up in logs and API replies.
 */

export type PersonalIdentityNumberKind = 'personnummer' | 'samordningsnummer';

/** Why a number was refused: its shape, its date of birth, or its Luhn check digit. */
export type PersonalIdentityNumberErrorReason = 'FORMAT' | 'DATE' | 'CHECKSUM';

/** Thrown by {@link parsePersonalIdentityNumber}; `reason` is machine-readable. */
export class PersonalIdentityNumberError extends Error {
  constructor(
    readonly reason: PersonalIdentityNumberErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PersonalIdentityNumberError';
  }
}

/** A valid personal identity number. */
export interface PersonalIdentityNumber {
  kind: PersonalIdentityNumberKind;
  /** Twelve digits, `YYYYMMDDNNNN`; for a samordningsnummer the day keeps its +60. This is the form to store. */
  normalized: string;
  /** `YYYYMMDD-NNNN`, for display. */
  formatted: string;
  /** Real date of birth, `YYYY-MM-DD` (for a samordningsnummer the day minus 60). */
  birthDate: string;
}

export interface PersonalIdentityNumberOptions {
  /**
   * The day against which a 10-digit number's century is inferred (default: now). Its calendar
   * date is taken in Europe/Stockholm, where the numbers are written.
   */
  referenceDate?: Date;
}

const TWELVE_DIGITS = /^([0-9]{4})([0-9]{2})([0-9]{2})-?([0-9]{4})$/;
const TEN_DIGITS = /^([0-9]{2})([0-9]{2})([0-9]{2})([-+]?)([0-9]{4})$/;
const SAMORDNING_DAY_OFFSET = 60;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const stockholmDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function calendarDateInStockholm(date: Date): CalendarDate {
  if (Number.isNaN(date.getTime())) {
    throw new TypeError('referenceDate is not a valid date');
  }
  const parts = stockholmDate.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The century of a 10-digit number: `-` (or no sign) means under 100 on the reference date,
 * `+` means 100 or older. So the birth year is the latest one ending in `yy` that gives such an age.
 */
function inferYear(yy: number, month: number, day: number, hundredOrOlder: boolean, reference: CalendarDate): number {
  const latest = hundredOrOlder ? reference.year - 100 : reference.year;
  let year = latest - ((((latest - yy) % 100) + 100) % 100);
  // In the latest candidate year the birthday must not lie after the reference day (month and day only).
  if (year === latest && compareDates({ year, month, day }, { ...reference, year }) > 0) {
    year -= 100;
  }
  return year;
}

/** Luhn (mod 10) check digit over the first nine digits of the 10-digit form. */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let value = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/**
 * Parses and validates a personnummer or samordningsnummer written as `YYYYMMDDNNNN`, `YYYYMMDD-NNNN`,
 * `YYMMDD-NNNN`, `YYMMDDNNNN` or `YYMMDD+NNNN` (surrounding spaces are ignored).
 * @throws PersonalIdentityNumberError `FORMAT` (not one of those shapes), `DATE` (no such date of birth,
 *   or one after the reference date), `CHECKSUM` (wrong Luhn check digit).
 */
export function parsePersonalIdentityNumber(
  text: string,
  options: PersonalIdentityNumberOptions = {},
): PersonalIdentityNumber {
  const input = text.trim();
  const reference = calendarDateInStockholm(options.referenceDate ?? new Date());
  const twelve = TWELVE_DIGITS.exec(input);
  const ten = twelve ? null : TEN_DIGITS.exec(input);
  if (!twelve && !ten) {
    throw new PersonalIdentityNumberError(
      'FORMAT',
      'A personal identity number looks like YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDDNNNN or YYMMDD+NNNN',
    );
  }
  const [, yearDigits = '', monthDigits = '', dayDigits = ''] = twelve ?? ten ?? [];
  const tail = (twelve ? twelve[4] : ten?.[5]) ?? '';
  const month = Number(monthDigits);
  const dayField = Number(dayDigits);
  const kind: PersonalIdentityNumberKind = dayField > SAMORDNING_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? dayField - SAMORDNING_DAY_OFFSET : dayField;
  const year = twelve ? Number(yearDigits) : inferYear(Number(yearDigits), month, day, ten?.[4] === '+', reference);

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new PersonalIdentityNumberError('DATE', `The ${kind} does not contain a real date of birth`);
  }
  if (compareDates({ year, month, day }, reference) > 0) {
    throw new PersonalIdentityNumberError('DATE', `The ${kind} has a date of birth in the future`);
  }
  const tenDigits = `${pad(year % 100, 2)}${monthDigits}${dayDigits}${tail}`;
  if (luhnCheckDigit(tenDigits.slice(0, 9)) !== Number(tenDigits[9])) {
    throw new PersonalIdentityNumberError('CHECKSUM', `The ${kind} has a wrong check digit`);
  }
  const datePart = `${pad(year, 4)}${monthDigits}${dayDigits}`;
  return {
    kind,
    normalized: `${datePart}${tail}`,
    formatted: `${datePart}-${tail}`,
    birthDate: `${pad(year, 4)}-${monthDigits}-${pad(day, 2)}`,
  };
}

/** True when `text` is a valid personnummer or samordningsnummer in one of the accepted forms. */
export function isValidPersonalIdentityNumber(text: string, options: PersonalIdentityNumberOptions = {}): boolean {
  try {
    parsePersonalIdentityNumber(text, options);
    return true;
  } catch (error) {
    if (error instanceof PersonalIdentityNumberError) return false;
    throw error;
  }
}

/** What {@link maskPersonalIdentityNumber} returns for text that is not a valid number. */
export const MASKED_INVALID_PERSONAL_IDENTITY_NUMBER = '********-****';

/**
 * A form safe for logs and lists: the date part and four stars, `19121212-****`. Text that is not a
 * valid number is masked completely, since a mistyped number is still personal data.
 */
export function maskPersonalIdentityNumber(text: string, options: PersonalIdentityNumberOptions = {}): string {
  try {
    return `${parsePersonalIdentityNumber(text, options).normalized.slice(0, 8)}-****`;
  } catch (error) {
    if (error instanceof PersonalIdentityNumberError) return MASKED_INVALID_PERSONAL_IDENTITY_NUMBER;
    throw error;
  }
}
