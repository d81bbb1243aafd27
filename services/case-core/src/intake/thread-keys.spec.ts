import { caseNumbersInSubject, referralNumbersInSubject, threadKey, titleFromText } from './thread-keys.js';

describe('caseNumbersInSubject', () => {
  it.each([
    ['Ärende 2026-000123', ['2026-000123']],
    ['SV: Re: VS: Ärende 2026-000123 Snöröjning', ['2026-000123']],
    ['AW: ärende nr 2026-000042', ['2026-000042']],
    ['Fwd: [Ärende 2026-000007] fråga', ['2026-000007']],
    ['Re: ang. 2026-000555 och Ärende 2025-000001', ['2025-000001', '2026-000555']],
    ['Ring 08-123 456 eller 070-1234567', []],
    ['Order 12026-0001234', []],
    ['', []],
  ])('%s', (subject, expected) => {
    expect(caseNumbersInSubject(subject)).toEqual(expected);
  });
});

describe('referralNumbersInSubject', () => {
  it.each([
    ['SV: Remiss 2026-000123-R1', ['2026-000123-R1']],
    ['re: remiss 2026-000123-r12 om farthinder', ['2026-000123-R12']],
    ['Ärende 2026-000123', []],
    ['Remiss 2026-000123-R0', []],
    ['12026-000123-R1', []],
  ])('%s', (subject, expected) => {
    expect(referralNumbersInSubject(subject)).toEqual(expected);
  });

  it('is no case number: a reply to a referral does not thread as a customer reply', () => {
    expect(caseNumbersInSubject('SV: Remiss 2026-000123-R1')).toEqual([]);
  });
});

describe('threadKey', () => {
  it('folds Message-ID case and phone punctuation so the same thread matches', () => {
    expect(threadKey.email('<ABC@Example.se>')).toBe(threadKey.email(' <abc@example.se>'));
    expect(threadKey.sms('+46 70-123 45 67')).toBe(threadKey.sms('+46701234567'));
  });
});

describe('titleFromText', () => {
  it('takes the first non-empty line', () => {
    expect(titleFromText('\n  Hej!\nSoptunnan', 'SMS')).toBe('Hej!');
  });
  it('shortens long lines at a word boundary', () => {
    const title = titleFromText(
      'Soptunnan på Ekvägen har inte tömts på tre veckor och det luktar illa nu i hela trapphuset',
      'SMS',
      40,
    );
    expect(title.length).toBeLessThanOrEqual(40);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/\s…$/);
  });
  it('falls back for an empty text', () => {
    expect(titleFromText('   ', 'SMS från +4670')).toBe('SMS från +4670');
  });
});
