/**
 * Swedish organisation numbers (organisationsnummer), as issued by Bolagsverket, Skatteverket and
 * Statistics Sweden: ten digits `NNNNNN-NNNN` whose last digit is a Luhn check digit.
 *
 * A sole trader (enskild firma) uses the owner's personnummer as organisation number; that is accepted
 * here too, since it has the same shape and check digit. Error messages never repeat the number.
 */

/** Why a number was refused: its shape or its Luhn check digit. */
export type OrganisationNumberErrorReason = 'FORMAT' | 'CHECKSUM';

/** Thrown by {@link parseOrganisationNumber}; `reason` is machine-readable. */
export class OrganisationNumberError extends Error {
  constructor(
    readonly reason: OrganisationNumberErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'OrganisationNumberError';
  }
}

/** A valid organisation number. */
export interface OrganisationNumber {
  /** Ten digits, `NNNNNNNNNN`. */
  digits: string;
  /** `NNNNNN-NNNN`: the form to store and show. */
  formatted: string;
}

// The 12-digit form some registers use puts "16" in front of the ten digits.
const PATTERN = /^(?:16)?([0-9]{6})-?([0-9]{4})$/;

/** Luhn (mod 10) check digit over nine digits, doubling from the first. */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let value = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses and validates an organisation number written as `NNNNNN-NNNN`, `NNNNNNNNNN`, or with the
 * register prefix `16` (`16NNNNNN-NNNN`, `16NNNNNNNNNN`); surrounding spaces are ignored.
 * @throws OrganisationNumberError `FORMAT` (not one of those shapes), `CHECKSUM` (wrong check digit).
 */
export function parseOrganisationNumber(text: string): OrganisationNumber {
  const match = PATTERN.exec(text.trim());
  if (!match) {
    throw new OrganisationNumberError('FORMAT', 'An organisation number looks like NNNNNN-NNNN');
  }
  const digits = `${match[1]}${match[2]}`;
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) {
    throw new OrganisationNumberError('CHECKSUM', 'The organisation number has a wrong check digit');
  }
  return { digits, formatted: `${match[1]}-${match[2]}` };
}

/** True when `text` is a valid organisation number in one of the accepted forms. */
export function isValidOrganisationNumber(text: string): boolean {
  try {
    parseOrganisationNumber(text);
    return true;
  } catch (error) {
    if (error instanceof OrganisationNumberError) return false;
    throw error;
  }
}
