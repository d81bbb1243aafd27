/**
 * Case numbers (ärendenummer) as given to the customer: `YYYY-NNNNNN`, e.g. `2026-000123`.
 *
 * The sequence starts at 1 each year and has exactly six digits, so a year holds at most
 * 999 999 cases. Above that we refuse rather than grow to seven digits: every stored number,
 * the contracts' `CASE_NUMBER_PATTERN` and the subject-line threading all assume six, and a
 * municipal customer service centre registers far fewer cases than that in a year.
 */

/** Highest sequence number a year can hold (six digits). */
export const CASE_NUMBER_MAX_SEQUENCE = 999_999;
/** Lowest and highest year a case number may carry (four digits). */
export const CASE_NUMBER_MIN_YEAR = 1000;
export const CASE_NUMBER_MAX_YEAR = 9999;

/** The parts of a case number. */
export interface CaseNumberParts {
  year: number;
  sequence: number;
}

/** Why a case number was refused: its shape, its year, or its sequence. */
export type CaseNumberErrorReason = 'FORMAT' | 'YEAR' | 'SEQUENCE';

/** Thrown when a case number cannot be formatted or parsed; `reason` is machine-readable. */
export class CaseNumberError extends Error {
  constructor(
    readonly reason: CaseNumberErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'CaseNumberError';
  }
}

const CANONICAL = /^([0-9]{4})-([0-9]{6})$/;
// Dashes people type or paste from word processors: hyphen, non-breaking hyphen, figure dash, en dash, minus.
const DASHES = '\\-\u2010\u2011\u2012\u2013\u2212';
// Digits not glued to other digits, so phone numbers and 7-digit sequences are not mistaken for case numbers.
const IN_TEXT = new RegExp(`(?<![0-9])([0-9]{4})[${DASHES}]([0-9]{6})(?![0-9])`, 'gu');
// Typed input: optional "Ärende"/"Arende"/"ärendenummer" label and/or "#", then the number.
const TYPED = new RegExp(`^(?:(?:ärende|arende)(?:nummer|nr)?:?\\s*)?#?\\s*([0-9]{4})[${DASHES}]([0-9]+)$`, 'iu');

function checkParts(year: number, sequence: number): void {
  if (!Number.isInteger(year) || year < CASE_NUMBER_MIN_YEAR || year > CASE_NUMBER_MAX_YEAR) {
    throw new CaseNumberError(
      'YEAR',
      `A case number year must be an integer from ${CASE_NUMBER_MIN_YEAR} to ${CASE_NUMBER_MAX_YEAR}, got ${String(year)}`,
    );
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > CASE_NUMBER_MAX_SEQUENCE) {
    throw new CaseNumberError(
      'SEQUENCE',
      `A case number sequence must be an integer from 1 to ${CASE_NUMBER_MAX_SEQUENCE} (six digits), got ${String(sequence)}`,
    );
  }
}

/**
 * Formats a case number: `formatCaseNumber(2026, 123)` -> `'2026-000123'`.
 * @throws CaseNumberError `YEAR` outside 1000..9999, `SEQUENCE` outside 1..999999 or not an integer.
 */
export function formatCaseNumber(year: number, sequence: number): string {
  checkParts(year, sequence);
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Parses a case number typed by a person: surrounding spaces, a leading `#`, an `Ärende` label and
 * en dashes are accepted (`' Ärende #2026–000123 '`). The digits themselves must be four and six.
 * @throws CaseNumberError `FORMAT` when the text is not a case number, `YEAR`/`SEQUENCE` when a part is out of range.
 */
export function parseCaseNumber(text: string): CaseNumberParts {
  const match = TYPED.exec(text.trim());
  if (!match) {
    throw new CaseNumberError('FORMAT', 'A case number looks like 2026-000123');
  }
  const [, yearDigits = '', sequenceDigits = ''] = match;
  if (sequenceDigits.length < 6) {
    throw new CaseNumberError('FORMAT', 'A case number has a six-digit sequence, like 2026-000123');
  }
  if (sequenceDigits.length > 6) {
    throw new CaseNumberError(
      'SEQUENCE',
      `A case number sequence has six digits: at most ${CASE_NUMBER_MAX_SEQUENCE} cases a year`,
    );
  }
  const year = Number(yearDigits);
  const sequence = Number(sequenceDigits);
  checkParts(year, sequence);
  return { year, sequence };
}

/** True when `text` is exactly a canonical, valid case number (`2026-000123`; no spaces, labels or other dashes). */
export function isCaseNumber(text: string): boolean {
  const match = CANONICAL.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  return year >= CASE_NUMBER_MIN_YEAR && sequence >= 1;
}

/**
 * The first valid case number in free text such as an e-mail subject
 * (`'SV: Re: [Ärende 2026-000123] Snöröjning'` -> `'2026-000123'`), in canonical form,
 * or `undefined` when there is none. Numbers glued to other digits are ignored.
 */
export function findCaseNumberInText(text: string): string | undefined {
  for (const match of text.matchAll(IN_TEXT)) {
    const year = Number(match[1]);
    const sequence = Number(match[2]);
    if (year >= CASE_NUMBER_MIN_YEAR && sequence >= 1) {
      return formatCaseNumber(year, sequence);
    }
  }
  return undefined;
}
