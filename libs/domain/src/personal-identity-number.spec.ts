import {
  MASKED_INVALID_PERSONAL_IDENTITY_NUMBER,
  PersonalIdentityNumberError,
  isValidPersonalIdentityNumber,
  maskPersonalIdentityNumber,
  parsePersonalIdentityNumber,
} from './personal-identity-number.js';

// An independent Luhn oracle (right to left, table lookup), so the tests do not trust the code under test.
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function luhnDigit(nineDigits: string): string {
  const digits = [...nineDigits].reverse().map(Number);
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? DOUBLED[d] : d), 0);
  return String((10 - (sum % 10)) % 10);
}
/** `YYMMDDNNN` -> the ten digits with their check digit appended. */
function withCheck(nineDigits: string): string {
  return nineDigits + luhnDigit(nineDigits);
}
function wrongCheck(nineDigits: string): string {
  return nineDigits + String((Number(luhnDigit(nineDigits)) + 1) % 10);
}

const reference = new Date('2026-03-01T12:00:00Z');
const at = { referenceDate: reference };

function reasonOf(text: string, options = at): string | undefined {
  try {
    parsePersonalIdentityNumber(text, options);
  } catch (error) {
    if (error instanceof PersonalIdentityNumberError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('the Luhn oracle of these tests', () => {
  it('agrees with the numbers Skatteverket publishes', () => {
    expect(withCheck('121212121')).toBe('1212121212');
    expect(withCheck('701063239')).toBe('7010632391');
  });
});

describe('parsePersonalIdentityNumber', () => {
  describe('personnummer', () => {
    it.each(['191212121212', '19121212-1212', ' 19121212-1212 ', '121212+1212'])(
      'reads %p as 1912-12-12 (Skatteverket test number)',
      (text) => {
        expect(parsePersonalIdentityNumber(text, at)).toEqual({
          kind: 'personnummer',
          normalized: '191212121212',
          formatted: '19121212-1212',
          birthDate: '1912-12-12',
        });
      },
    );

    it.each(['121212-1212', '1212121212'])('reads %p (under 100) as born in 2012', (text) => {
      expect(parsePersonalIdentityNumber(text, at).normalized).toBe('201212121212');
    });

    it('reads a constructed number in every form', () => {
      const ten = withCheck('850714123');
      const forms = [`19${ten}`, `19${ten.slice(0, 6)}-${ten.slice(6)}`, ten, `${ten.slice(0, 6)}-${ten.slice(6)}`];
      for (const form of forms) {
        const parsed = parsePersonalIdentityNumber(form, at);
        expect(parsed.normalized).toBe(`19${ten}`);
        expect(parsed.birthDate).toBe('1985-07-14');
        expect(parsed.kind).toBe('personnummer');
      }
    });
  });

  describe('samordningsnummer', () => {
    it.each(['701063-2391', '7010632391', '19701063-2391', '197010632391'])(
      'reads %p as born 1970-10-03 (Skatteverket example)',
      (text) => {
        expect(parsePersonalIdentityNumber(text, at)).toEqual({
          kind: 'samordningsnummer',
          normalized: '197010632391',
          formatted: '19701063-2391',
          birthDate: '1970-10-03',
        });
      },
    );

    it.each([
      ['900161', '1990-01-01'],
      ['900391', '1990-03-31'],
      ['040289', '2004-02-29'],
    ])('accepts the day field of %s (birth date %s)', (datePart, birthDate) => {
      const parsed = parsePersonalIdentityNumber(withCheck(`${datePart}987`), at);
      expect(parsed).toMatchObject({ kind: 'samordningsnummer', birthDate });
    });

    it.each(['900491', '900192', '050289', '900160'])('refuses the impossible day field of %s', (datePart) => {
      expect(reasonOf(withCheck(`${datePart}987`))).toBe('DATE');
    });
  });

  describe('century of 10-digit forms', () => {
    it('puts a person born on the reference day in the current century', () => {
      expect(parsePersonalIdentityNumber(withCheck('260301123'), at).birthDate).toBe('2026-03-01');
    });

    it('puts a birthday later this year in the previous century (under 100)', () => {
      expect(parsePersonalIdentityNumber(withCheck('260302123'), at).birthDate).toBe('1926-03-02');
    });

    it('with + puts someone turning 100 today 100 years back and one a day younger 200 years back', () => {
      const today = withCheck('260301123');
      const tomorrow = withCheck('260302123');
      expect(parsePersonalIdentityNumber(`${today.slice(0, 6)}+${today.slice(6)}`, at).birthDate).toBe('1926-03-01');
      expect(parsePersonalIdentityNumber(`${tomorrow.slice(0, 6)}+${tomorrow.slice(6)}`, at).birthDate).toBe(
        '1826-03-02',
      );
    });

    it('takes the reference calendar day in Stockholm, not UTC', () => {
      // 23:30 UTC on 28 February is already 1 March in Sweden.
      const lateEvening = { referenceDate: new Date('2026-02-28T23:30:00Z') };
      expect(parsePersonalIdentityNumber(withCheck('260301123'), lateEvening).birthDate).toBe('2026-03-01');
    });

    it('uses the current date when no reference is given', () => {
      const thisYear = new Date().getFullYear();
      const born = parsePersonalIdentityNumber('121212-1212').birthDate;
      expect(thisYear - Number(born.slice(0, 4))).toBeLessThan(100);
    });
  });

  describe('leap days', () => {
    it('accepts 29 February in a leap year in every form', () => {
      const ten = withCheck('000229123');
      expect(parsePersonalIdentityNumber(ten, at).birthDate).toBe('2000-02-29');
      expect(parsePersonalIdentityNumber(`20${ten}`, at).birthDate).toBe('2000-02-29');
      expect(parsePersonalIdentityNumber(`19${withCheck('960229123')}`, at).birthDate).toBe('1996-02-29');
    });

    it('refuses 29 February when the inferred century makes it a common year (1900)', () => {
      const ten = withCheck('000229123');
      expect(reasonOf(`${ten.slice(0, 6)}+${ten.slice(6)}`)).toBe('DATE');
      expect(reasonOf(`19${ten}`)).toBe('DATE');
    });

    it('refuses 29 February 2023', () => {
      expect(reasonOf(`20${withCheck('230229123')}`)).toBe('DATE');
    });
  });

  describe('refusals', () => {
    it.each([
      ['', 'FORMAT'],
      ['abc', 'FORMAT'],
      ['12121212', 'FORMAT'],
      ['12121212121', 'FORMAT'],
      ['1912121212121', 'FORMAT'],
      ['19121212+1212', 'FORMAT'],
      ['121212 1212', 'FORMAT'],
      ['1212121-212', 'FORMAT'],
      ['121212--1212', 'FORMAT'],
      ['19121212-1213', 'CHECKSUM'],
      ['121212-1213', 'CHECKSUM'],
      ['701063-2392', 'CHECKSUM'],
    ])('refuses %p with %s', (text, reason) => {
      expect(reasonOf(text)).toBe(reason);
    });

    it.each(['851301', '850001', '850100', '850132', '850431', '850160', '850199'])(
      'refuses the impossible date %s with DATE even with a correct check digit',
      (datePart) => {
        expect(reasonOf(withCheck(`${datePart}123`))).toBe('DATE');
      },
    );

    it('refuses a wrong check digit on constructed numbers of both kinds', () => {
      expect(reasonOf(wrongCheck('850714123'))).toBe('CHECKSUM');
      expect(reasonOf(`19${wrongCheck('850714123')}`)).toBe('CHECKSUM');
      expect(reasonOf(wrongCheck('900161987'))).toBe('CHECKSUM');
    });

    it('refuses a 12-digit number born after the reference date', () => {
      expect(reasonOf(`20${withCheck('260302123')}`)).toBe('DATE');
    });

    it('never repeats the number in its error message', () => {
      for (const text of ['19121212-1213', `19${withCheck('851301123')}`, '19121212+1212']) {
        try {
          parsePersonalIdentityNumber(text, at);
          throw new Error('expected a refusal');
        } catch (error) {
          expect(error).toBeInstanceOf(PersonalIdentityNumberError);
          expect((error as Error).message).not.toMatch(/1212|8513/);
        }
      }
    });
  });

  it('refuses an invalid reference date', () => {
    expect(() => parsePersonalIdentityNumber('191212121212', { referenceDate: new Date('nope') })).toThrow(TypeError);
  });
});

describe('isValidPersonalIdentityNumber', () => {
  it('answers true or false', () => {
    expect(isValidPersonalIdentityNumber('19121212-1212', at)).toBe(true);
    expect(isValidPersonalIdentityNumber('701063-2391', at)).toBe(true);
    expect(isValidPersonalIdentityNumber('19121212-1213', at)).toBe(false);
    expect(isValidPersonalIdentityNumber('hello', at)).toBe(false);
  });
});

describe('maskPersonalIdentityNumber', () => {
  it.each(['191212121212', '121212+1212', '19121212-1212'])('masks %p as 19121212-****', (text) => {
    expect(maskPersonalIdentityNumber(text, at)).toBe('19121212-****');
  });

  it('masks a samordningsnummer the same way', () => {
    expect(maskPersonalIdentityNumber('701063-2391', at)).toBe('19701063-****');
  });

  it('masks invalid text completely', () => {
    expect(maskPersonalIdentityNumber('19121212-1213', at)).toBe(MASKED_INVALID_PERSONAL_IDENTITY_NUMBER);
    expect(maskPersonalIdentityNumber('whatever', at)).toBe(MASKED_INVALID_PERSONAL_IDENTITY_NUMBER);
  });
});
