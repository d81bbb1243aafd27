import { relabelMislabelledUtf8 } from './mislabelled-charset.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const header = (type: string, extra = '') =>
  `From: a@example.se\r\nSubject: x\r\nContent-Type: ${type}\r\n${extra}\r\n`;

describe('relabelMislabelledUtf8', () => {
  it('relabels a UTF-8 label over ISO-8859-1 bytes as windows-1252', () => {
    const raw = Buffer.concat([latin1(header('text/plain; charset=utf-8')), latin1('mörkt på gångvägen\r\n')]);
    const fixed = relabelMislabelledUtf8(raw);
    expect(fixed?.toString('latin1')).toContain('Content-Type: text/plain; charset=windows-1252');
    expect(fixed?.subarray(fixed.length - 20).equals(raw.subarray(raw.length - 20))).toBe(true);
  });

  it('leaves valid UTF-8, other charsets, encoded bodies and multiparts alone', () => {
    const utf8 = Buffer.concat([latin1(header('text/plain; charset="UTF-8"')), Buffer.from('mörkt\r\n', 'utf8')]);
    expect(relabelMislabelledUtf8(utf8)).toBeNull();
    const labelledLatin1 = Buffer.concat([latin1(header('text/plain; charset=iso-8859-1')), latin1('mörkt\r\n')]);
    expect(relabelMislabelledUtf8(labelledLatin1)).toBeNull();
    const qp = Buffer.concat([
      latin1(header('text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable\r\n')),
      latin1('m=F6rkt\r\n'),
    ]);
    expect(relabelMislabelledUtf8(qp)).toBeNull();
    const multipart = Buffer.concat([
      latin1(header('multipart/mixed; boundary=b')),
      latin1('--b\r\n\r\nmörkt\r\n--b--\r\n'),
    ]);
    expect(relabelMislabelledUtf8(multipart)).toBeNull();
  });

  it('reads a folded Content-Type header and bare LF line ends', () => {
    const raw = latin1('From: a@example.se\nContent-Type: text/plain;\n\tcharset=utf-8\n\nsnöröjning\n');
    expect(relabelMislabelledUtf8(raw)?.toString('latin1')).toContain('charset=windows-1252');
  });
});
