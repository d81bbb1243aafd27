import { CaseViewSchema, exampleCase } from './case.schemas.js';
import { caseRegisteredV1 } from './case-registered.v1.js';
import { ENTRY_KINDS, ENTRY_VISIBILITIES, isCustomerContact } from './entry.schemas.js';
import { TransitionCaseRequestV1 } from './transition-case.v1.js';

describe('CaseViewSchema follow-up marks', () => {
  it('reads a case from before the marks existed as not acknowledged and not contacted', () => {
    const {
      acknowledgedAt: _a,
      acknowledgedBy: _b,
      customerContactedAt: _c,
      customerContactedBy: _d,
      ...older
    } = exampleCase;
    const parsed = caseRegisteredV1.data.parse(older);
    expect([
      parsed.acknowledgedAt,
      parsed.acknowledgedBy,
      parsed.customerContactedAt,
      parsed.customerContactedBy,
    ]).toEqual([null, null, null, null]);
  });

  it('keeps the marks and refuses a time that is no timestamp', () => {
    const marked = { ...exampleCase, acknowledgedAt: '2026-11-23T10:02:00.000Z', acknowledgedBy: 'erik' };
    expect(CaseViewSchema.parse(marked).acknowledgedBy).toBe('erik');
    expect(CaseViewSchema.safeParse({ ...marked, customerContactedAt: 'i går' }).success).toBe(false);
  });
});

describe('isCustomerContact', () => {
  it('counts e-mail and SMS to the customer and a phone note the customer may see, nothing else', () => {
    const contacts = ENTRY_KINDS.flatMap((kind) =>
      ENTRY_VISIBILITIES.filter((visibility) => isCustomerContact(kind, visibility)).map((v) => `${kind}/${v}`),
    );
    expect(contacts).toEqual(['outbound_email/customer', 'outbound_sms/customer', 'phone_note/customer']);
  });
});

describe('TransitionCaseRequestV1 confirmUnanswered', () => {
  it('is optional and boolean', () => {
    const base = { number: '2026-000123', version: 2, to: 'closed' };
    expect(TransitionCaseRequestV1.parse(base).confirmUnanswered).toBeUndefined();
    expect(TransitionCaseRequestV1.parse({ ...base, confirmUnanswered: true }).confirmUnanswered).toBe(true);
    expect(TransitionCaseRequestV1.safeParse({ ...base, confirmUnanswered: 'ja' }).success).toBe(false);
  });
});
