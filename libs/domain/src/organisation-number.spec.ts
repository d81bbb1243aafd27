import { OrganisationNumberError, isValidOrganisationNumber, parseOrganisationNumber } from './organisation-number.js';

// An independent Luhn oracle (right to left, table lookup), so the tests do not trust the code under test.
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function luhnDigit(nineDigits: string): string {
  const digits = [...nineDigits].reverse().map(Number);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? DOUBLED[d] : d), 0);
  return String((10 - (sum % 10)) % 10);
}

function reasonOf(text: string): string | undefined {
  try {
    parseOrganisationNumber(text);
  } catch (error) {
    if (error instanceof OrganisationNumberError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('parseOrganisationNumber', () => {
  it.each([
    ['556012-5790', 'AB Volvo'],
    ['212000-0142', 'Stockholms stad'],
    ['212000-0209', 'Solna stad'],
  ])('accepts %s (%s) and keeps the NNNNNN-NNNN form', (text) => {
    expect(parseOrganisationNumber(text)).toEqual({ digits: text.replace('-', ''), formatted: text });
  });

  it.each(['5560125790', ' 556012-5790 ', '16556012-5790', '165560125790'])('reads %p as 556012-5790', (text) => {
    expect(parseOrganisationNumber(text).formatted).toBe('556012-5790');
  });

  it('agrees with the oracle on every check digit of one series', () => {
    for (let n = 0; n < 200; n++) {
      const nine = `802${String(n).padStart(6, '0')}`;
      const right = luhnDigit(nine);
      expect(isValidOrganisationNumber(`${nine.slice(0, 6)}-${nine.slice(6)}${right}`)).toBe(true);
      const wrong = String((Number(right) + 1 + (n % 9)) % 10);
      expect(reasonOf(`${nine}${wrong}`)).toBe('CHECKSUM');
    }
  });

  it.each(['556012-579', '556012-57900', '55601-25790', '556012 5790', 'AB556012-5790', '17556012-5790', ''])(
    'refuses %p as FORMAT',
    (text) => {
      expect(reasonOf(text)).toBe('FORMAT');
    },
  );

  it('never repeats the number in its message', () => {
    expect(() => parseOrganisationNumber('556012-5791')).toThrow(OrganisationNumberError);
    try {
      parseOrganisationNumber('556012-5791');
    } catch (error) {
      expect((error as Error).message).not.toContain('5791');
    }
  });
});

describe('isValidOrganisationNumber', () => {
  it('answers true for a valid number and false for a wrong check digit', () => {
    expect(isValidOrganisationNumber('556012-5790')).toBe(true);
    expect(isValidOrganisationNumber('556012-5791')).toBe(false);
  });
});
