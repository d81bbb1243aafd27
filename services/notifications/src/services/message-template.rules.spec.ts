import { DomainError, SIGNATURE_LOGO_MAX_BYTES, TEMPLATE_PLACEHOLDERS, TEMPLATED_PURPOSES } from '@arende/contracts';
import {
  BUILT_IN_TEMPLATES,
  assertKnownPlaceholders,
  assertSafeSignatureHtml,
  parseLogo,
  pickSignature,
  unknownPlaceholders,
} from './message-template.rules.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
/** The code a call refuses with, or null when it does not throw. */
function refusalCode(call: () => unknown): string | null {
  try {
    call();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return null;
}

const dataUrl = (type: string, content: Buffer) => `data:${type};base64,${content.toString('base64')}`;

describe('signature precedence', () => {
  const global = { userId: null, servicePointId: null, text: 'global' };
  const point = { userId: null, servicePointId: 'kundtjanst', text: 'point' };
  const user = { userId: 'anna', servicePointId: null, text: 'user' };
  const both = { userId: 'anna', servicePointId: 'kundtjanst', text: 'both' };
  const otherPoint = { userId: null, servicePointId: 'bygglov', text: 'other point' };
  const otherUser = { userId: 'bertil', servicePointId: 'kundtjanst', text: 'other user' };
  const all = [global, point, user, both, otherPoint, otherUser];
  const anna = { userId: 'anna', servicePointId: 'kundtjanst' };

  it('takes user and service point, then user, then service point, then global, whatever the order', () => {
    for (const order of [all, [...all].reverse()]) {
      expect(pickSignature(order, anna)?.text).toBe('both');
      expect(
        pickSignature(
          order.filter((s) => s !== both),
          anna,
        )?.text,
      ).toBe('user');
      expect(
        pickSignature(
          order.filter((s) => s !== both && s !== user),
          anna,
        )?.text,
      ).toBe('point');
      expect(pickSignature([global, otherPoint, otherUser], anna)?.text).toBe('global');
    }
  });

  it('never takes another user’s or service point’s signature', () => {
    expect(pickSignature([otherPoint, otherUser], anna)).toBeNull();
    expect(pickSignature(all, { userId: null, servicePointId: 'kundtjanst' })?.text).toBe('point');
    expect(pickSignature(all, { userId: null, servicePointId: null })?.text).toBe('global');
    expect(pickSignature(all, { userId: 'anna', servicePointId: 'bygglov' })?.text).toBe('user');
  });
});

describe('placeholder validation', () => {
  it('names each unknown placeholder once, in order', () => {
    expect(unknownPlaceholders('customer_close', ['{title} {solutoin}', '{caseNumber} {foo} {solutoin}'])).toEqual([
      'solutoin',
      'foo',
    ]);
  });

  it('knows a purpose’s own placeholders and not another purpose’s', () => {
    expect(unknownPlaceholders('customer_close', ['{solution} {handlerName} {portalLink} {expectedFeedback}'])).toEqual(
      [],
    );
    expect(unknownPlaceholders('customer_registration', ['{solution}'])).toEqual(['solution']);
    expect(unknownPlaceholders('referral', ['{referralNumber} {replyBy}'])).toEqual([]);
  });

  it('refuses with a code listing the unknown ones and the allowed ones', () => {
    let error: unknown;
    try {
      assertKnownPlaceholders('customer_registration', ['Hej {kund}!']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('NOTIFICATIONS.PLACEHOLDER_UNKNOWN');
    expect((error as DomainError).details).toEqual({
      unknown: ['kund'],
      allowed: TEMPLATE_PLACEHOLDERS.customer_registration,
    });
  });

  it('accepts every built-in text', () => {
    for (const purpose of TEMPLATED_PURPOSES) {
      const { subject, body } = BUILT_IN_TEMPLATES[purpose];
      expect([purpose, unknownPlaceholders(purpose, [subject, body])]).toEqual([purpose, []]);
    }
  });
});

describe('parseLogo', () => {
  it('accepts a PNG, a JPEG and an SVG', () => {
    expect(parseLogo(dataUrl('image/png', PNG)).contentType).toBe('image/png');
    expect(parseLogo(dataUrl('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]))).contentType).toBe('image/jpeg');
    expect(
      parseLogo(dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).content.length,
    ).toBeGreaterThan(0);
  });

  it.each([
    ['another type', dataUrl('image/gif', Buffer.from('GIF89a'))],
    ['bytes that are not the type', dataUrl('image/png', Buffer.from('not a png'))],
    ['a script in an SVG', dataUrl('image/svg+xml', Buffer.from('<svg><script>alert(1)</script></svg>'))],
    ['too many bytes', dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(SIGNATURE_LOGO_MAX_BYTES)]))],
    ['no data URL', 'https://solna.se/logo.png'],
  ])('refuses %s with NOTIFICATIONS.LOGO_INVALID', (_what, logo) => {
    expect(refusalCode(() => parseLogo(logo))).toBe('NOTIFICATIONS.LOGO_INVALID');
  });
});

describe('assertSafeSignatureHtml', () => {
  it('refuses scripts and event attributes, accepts plain markup', () => {
    expect(refusalCode(() => assertSafeSignatureHtml('<p><b>Kundtjänst</b><br>Solna stad</p>'))).toBeNull();
    for (const html of ['<script>x()</script>', '<img src=x onerror="x()">', '<a href="javascript:x()">a</a>']) {
      expect(refusalCode(() => assertSafeSignatureHtml(html))).toBe('NOTIFICATIONS.SIGNATURE_INVALID');
    }
  });
});
