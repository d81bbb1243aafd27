import { type ClassifyInput, isAutoReply, isBounce } from './classify.js';

function input(
  headers: Record<string, string>,
  subject = 'Fråga om bygglov',
  contentType = 'text/plain',
): ClassifyInput {
  return { header: (name) => headers[name], subject, contentType };
}

describe('isAutoReply', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }],
    [{ 'auto-submitted': 'auto-generated' }],
    [{ 'x-autoreply': 'yes' }],
    [{ precedence: 'auto_reply' }],
    [{ precedence: 'bulk' }],
    [{ precedence: 'junk' }],
  ])('is true for %j', (headers) => {
    expect(isAutoReply(input(headers))).toBe(true);
  });

  it.each([
    'Automatiskt svar: Fråga',
    'Frånvaromeddelande',
    'Autosvar: hej',
    'Out of Office: re: x',
    'Automatic reply: x',
    'Frånvaro: åter 7 december',
    'Out of office',
  ])('is true for the subject %s', (subject) => {
    expect(isAutoReply(input({}, subject))).toBe(true);
  });

  it('is false for a person writing, also with Auto-Submitted: no', () => {
    expect(isAutoReply(input({ 'auto-submitted': 'no', precedence: 'normal' }))).toBe(false);
    expect(isAutoReply(input({}, 'Svar angående frånvaro i skolan'))).toBe(false);
    expect(isAutoReply(input({ 'auto-submitted': 'no' }, 'Frånvaro från hemtjänsten under julen'))).toBe(false);
    expect(isAutoReply(input({}, 'Inte på kontoret men ändå hemma: buller'))).toBe(false);
    expect(isAutoReply(input({}, 'Out of office hours noise from the building site'))).toBe(false);
  });
});

describe('isBounce', () => {
  it('is true for multipart/report and false otherwise', () => {
    expect(isBounce(input({}, 'x', 'multipart/report'))).toBe(true);
    expect(isBounce(input({}, 'x', 'multipart/mixed'))).toBe(false);
  });
});
