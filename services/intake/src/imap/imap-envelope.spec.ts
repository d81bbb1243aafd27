import { imapEnvelope, returnPath } from './imap-envelope.js';

const raw = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'));

describe('returnPath', () => {
  it('reads the topmost Return-Path', () => {
    expect(
      returnPath(raw('Return-Path: <studs@example.se>', 'Return-Path: <older@example.se>', 'Subject: x', '', 'x')),
    ).toBe('studs@example.se');
  });

  it('reads a folded header and one without angle brackets', () => {
    expect(returnPath(raw('Subject: x', 'Return-Path:', ' <folded@example.se>', '', 'x'))).toBe('folded@example.se');
    expect(returnPath(raw('return-path: bare@example.se', '', 'x'))).toBe('bare@example.se');
  });

  it('is null for the null sender, a missing header and a Return-Path that only appears in the body', () => {
    expect(returnPath(raw('Return-Path: <>', '', 'x'))).toBeNull();
    expect(returnPath(raw('Subject: x', '', 'x'))).toBeNull();
    expect(returnPath(raw('Subject: x', '', 'Return-Path: <body@example.se>'))).toBeNull();
  });
});

describe('imapEnvelope', () => {
  it('names the mailbox as the recipient and the IMAP server as the host', () => {
    expect(
      imapEnvelope(raw('Return-Path: <a@example.se>', '', 'x'), {
        address: 'kundtjanst@kommun.test',
        host: 'imap.test',
      }),
    ).toEqual({
      mailFrom: 'a@example.se',
      rcptTo: ['kundtjanst@kommun.test'],
      remoteAddress: 'imap.test',
      clientHostname: 'imap.test',
      heloName: null,
    });
  });
});
