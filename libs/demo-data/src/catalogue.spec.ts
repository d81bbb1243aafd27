import { CaseNumberSchema, RefIdSchema, RegisterCaseRequestV1 } from '@arende/contracts';
import { CASE_TYPES, CATEGORIES, INBOXES, ORG_UNITS } from './catalogue.js';
import { DEMO_CASES } from './demo-cases.js';

describe('demo catalogue', () => {
  it('uses ids the contracts accept, each once', () => {
    for (const list of [ORG_UNITS, CATEGORIES, CASE_TYPES, INBOXES]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(RefIdSchema.safeParse(id).success).toBe(true);
    }
    expect(CaseNumberSchema.safeParse('kundtjanst').success).toBe(false);
  });

  it('refers only to org units and categories it has', () => {
    const orgUnits = new Set(ORG_UNITS.map((o) => o.id));
    const categories = new Set(CATEGORIES.map((c) => c.id));
    for (const type of CASE_TYPES) {
      expect(orgUnits.has(type.orgUnitId)).toBe(true);
      expect(categories.has(type.categoryId)).toBe(true);
    }
    for (const inbox of INBOXES) expect(orgUnits.has(inbox.orgUnitId)).toBe(true);
  });

  it('has demo cases that are valid registrations referring to known ids', () => {
    const caseTypes = new Set(CASE_TYPES.map((c) => c.id));
    const inboxes = new Set(INBOXES.map((i) => i.id));
    for (const demo of DEMO_CASES) {
      const parsed = RegisterCaseRequestV1.parse(demo);
      if (parsed.caseTypeId) expect(caseTypes.has(parsed.caseTypeId)).toBe(true);
      if (parsed.inboxId) expect(inboxes.has(parsed.inboxId)).toBe(true);
    }
  });
});
