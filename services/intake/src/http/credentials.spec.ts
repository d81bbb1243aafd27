import { createHmac } from 'node:crypto';
import { basicAuthMatches, bearerMatches, hubSignatureMatches, safeEqual } from './credentials.js';

const basic = (value: string): string => `Basic ${Buffer.from(value).toString('base64')}`;

describe('safeEqual', () => {
  it('is true only for equal strings, whatever their lengths', () => {
    expect(safeEqual('hemlighet', 'hemlighet')).toBe(true);
    expect(safeEqual('hemlighet', 'hemlighe')).toBe(false);
    expect(safeEqual('', 'hemlighet')).toBe(false);
    expect(safeEqual('åäö', 'aao')).toBe(false);
  });
});

describe('basicAuthMatches', () => {
  it('takes the right user and a password that holds a colon', () => {
    expect(basicAuthMatches(basic('elks:pass:word'), 'elks', 'pass:word')).toBe(true);
  });

  it.each([
    ['a wrong password', basic('elks:nope')],
    ['a wrong user', basic('other:pass')],
    ['no colon', basic('elkspass')],
    ['another scheme', `Bearer ${Buffer.from('elks:pass').toString('base64')}`],
    ['nothing', undefined],
  ])('refuses %s', (_name, header) => {
    expect(basicAuthMatches(header, 'elks', 'pass')).toBe(false);
  });
});

describe('bearerMatches', () => {
  it('takes exactly the token', () => {
    expect(bearerMatches('Bearer token-1234567890', 'token-1234567890')).toBe(true);
    expect(bearerMatches('bearer token-1234567890', 'token-1234567890')).toBe(true);
    expect(bearerMatches('Bearer token-123456789', 'token-1234567890')).toBe(false);
    expect(bearerMatches('Basic token-1234567890', 'token-1234567890')).toBe(false);
    expect(bearerMatches(undefined, 'token-1234567890')).toBe(false);
  });
});

describe('hubSignatureMatches', () => {
  const body = Buffer.from('{"object":"page","text":"Hej på dig 👋"}');
  const secret = 'app-secret-0123456789abcdef';
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it('takes the HMAC-SHA256 of the raw body, in either hex case', () => {
    expect(hubSignatureMatches(signature, body, secret)).toBe(true);
    expect(hubSignatureMatches(signature.toUpperCase().replace('SHA256=', 'sha256='), body, secret)).toBe(true);
  });

  it('refuses another body, another secret, a bad format or none', () => {
    expect(hubSignatureMatches(signature, Buffer.concat([body, Buffer.from(' ')]), secret)).toBe(false);
    expect(hubSignatureMatches(signature, body, `${secret}x`)).toBe(false);
    expect(hubSignatureMatches(signature.slice(0, -2), body, secret)).toBe(false);
    expect(hubSignatureMatches(`sha1=${signature.slice(7)}`, body, secret)).toBe(false);
    expect(hubSignatureMatches(undefined, body, secret)).toBe(false);
  });
});
