import { PhoneNumberError, phoneNumberSearchKey } from './phone-number.js';

function reasonOf(text: string): string | undefined {
  try {
    phoneNumberSearchKey(text);
  } catch (error) {
    if (error instanceof PhoneNumberError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('phoneNumberSearchKey', () => {
  it.each([
    '070-123 45 67',
    '0701234567',
    '070 123 45 67',
    '+46 70 123 45 67',
    '+46701234567',
    '+46 (0)70-123 45 67',
    '+46 070 123 45 67',
    '0046 70 123 45 67',
    '0046701234567',
    ' (070) 123.45.67 ',
  ])('gives %p the key +46701234567', (text) => {
    expect(phoneNumberSearchKey(text)).toBe('+46701234567');
  });

  it('keeps the area code of a landline: 08-123 456 78 is +46812345678', () => {
    expect(phoneNumberSearchKey('08-123 456 78')).toBe('+46812345678');
    expect(phoneNumberSearchKey('+46 8 123 456 78')).toBe('+46812345678');
  });

  it('keeps the country code of a foreign number', () => {
    expect(phoneNumberSearchKey('+47 22 12 34 56')).toBe('+4722123456');
    expect(phoneNumberSearchKey('0047 22 12 34 56')).toBe('+4722123456');
  });

  it('gives a local number without area code its bare digits', () => {
    expect(phoneNumberSearchKey('123 45 67')).toBe('1234567');
  });

  it.each(['070-ABC 45 67', '070 123 45 67 ext 3', '46+701234567', '+', 'ring mig'])('refuses %p as FORMAT', (text) => {
    expect(reasonOf(text)).toBe('FORMAT');
  });

  it.each(['1234', '+46 70', '+46 70 123 45 67 89 01 23'])('refuses %p as LENGTH', (text) => {
    expect(reasonOf(text)).toBe('LENGTH');
  });
});
