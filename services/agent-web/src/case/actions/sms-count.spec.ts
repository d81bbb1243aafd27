import { smsCount } from './sms-count';

describe('smsCount', () => {
  it('counts what is left of one GSM-7 message of 160, then of parts of 153', () => {
    expect(smsCount('')).toEqual({ encoding: 'gsm7', units: 0, parts: 1, left: 160 });
    expect(smsCount('Hej Åsa!')).toEqual({ encoding: 'gsm7', units: 8, parts: 1, left: 152 });
    expect(smsCount('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, parts: 1, left: 0 });
    expect(smsCount('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, parts: 2, left: 145 });
  });

  it('counts an extension character twice', () => {
    expect(smsCount('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, parts: 1, left: 0 });
  });

  it('counts UCS-2 in 70, then in parts of 67', () => {
    expect(smsCount('Tack 🙂')).toEqual({ encoding: 'ucs2', units: 7, parts: 1, left: 63 });
    expect(smsCount(`${'a'.repeat(70)}ł`)).toEqual({ encoding: 'ucs2', units: 71, parts: 2, left: 63 });
  });
});
