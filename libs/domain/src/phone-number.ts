/**
 * Phone numbers as people type them, reduced to one key so that `070-123 45 67`, `+46 70 123 45 67`,
 * `+46 (0)70 123 45 67` and `0046701234567` find each other. The number as typed is what to show; the
 * key is only for matching.
 */

/** Why a phone number was refused. */
export type PhoneNumberErrorReason = 'FORMAT' | 'LENGTH';

/** Thrown by {@link phoneNumberSearchKey}; `reason` is machine-readable. */
export class PhoneNumberError extends Error {
  constructor(
    readonly reason: PhoneNumberErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'PhoneNumberError';
  }
}

const SWEDEN = '46';
// Digits and the separators people write: spaces, dashes, dots, slashes, brackets; a leading + only.
const ALLOWED = /^\+?[0-9 ()./-]+$/;
// E.164 allows at most 15 digits; fewer than 5 is no reachable number.
const MIN_DIGITS = 5;
const MAX_DIGITS = 15;

/**
 * The matching key of a phone number: `+` and the international digits (E.164) when the country is
 * known — `+46…` for Swedish numbers written with a leading trunk `0` — or the bare digits when the
 * number has neither a country code nor a trunk `0` (a local number without area code).
 * @throws PhoneNumberError `FORMAT` (letters or other characters), `LENGTH` (under 5 or over 15 digits).
 */
export function phoneNumberSearchKey(text: string): string {
  const input = text.trim();
  if (!ALLOWED.test(input)) {
    throw new PhoneNumberError('FORMAT', 'A phone number has digits, spaces, - ( ) . / and a leading + only');
  }
  // "+46 (0)70…": the bracketed trunk zero is not dialled from abroad.
  const plain = input.replace(/\(0\)/g, '');
  let digits = plain.replace(/[^0-9]/g, '');
  let international: boolean;
  if (plain.startsWith('+')) {
    international = true;
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  } else if (digits.startsWith('0')) {
    digits = SWEDEN + digits.slice(1);
    international = true;
  } else {
    international = false;
  }
  // "+46 070…": a trunk zero kept after the country code by mistake.
  if (international && digits.startsWith(`${SWEDEN}0`)) digits = SWEDEN + digits.slice(3);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    throw new PhoneNumberError('LENGTH', `A phone number has ${MIN_DIGITS} to ${MAX_DIGITS} digits`);
  }
  return international ? `+${digits}` : digits;
}
