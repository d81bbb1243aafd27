import { smsLength } from './sms-length.js';

describe('smsLength', () => {
  it('counts GSM-7 septets, Swedish letters included, in parts of 160 then 153', () => {
    expect(smsLength('Hej! Ärendet är registrerat.')).toEqual({ encoding: 'gsm7', units: 28, parts: 1 });
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, parts: 2 });
    expect(smsLength('a'.repeat(306))).toEqual({ encoding: 'gsm7', units: 306, parts: 2 });
    expect(smsLength('a'.repeat(307))).toEqual({ encoding: 'gsm7', units: 307, parts: 3 });
  });

  it('counts the extension characters twice', () => {
    expect(smsLength('€')).toEqual({ encoding: 'gsm7', units: 2, parts: 1 });
    expect(smsLength('{}[]~|^\\')).toEqual({ encoding: 'gsm7', units: 16, parts: 1 });
    expect(smsLength('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
    expect(smsLength(`${'€'.repeat(80)}a`)).toEqual({ encoding: 'gsm7', units: 161, parts: 2 });
  });

  it('falls back to UCS-2 in parts of 70 then 67, an emoji counting two', () => {
    expect(smsLength('Tack 🙂')).toEqual({ encoding: 'ucs2', units: 7, parts: 1 });
    expect(smsLength('ç'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(smsLength('ç'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, parts: 2 });
    expect(smsLength('ç'.repeat(134))).toEqual({ encoding: 'ucs2', units: 134, parts: 2 });
    expect(smsLength('ç'.repeat(135))).toEqual({ encoding: 'ucs2', units: 135, parts: 3 });
  });
});
