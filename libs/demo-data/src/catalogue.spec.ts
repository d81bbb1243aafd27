import { CaseNumberSchema, RefIdSchema, RegisterCaseRequestV1, saveInboxV1, saveTemplateV1 } from '@arende/contracts';
import { CASE_TYPES, CATEGORIES, INBOXES, ORG_UNITS, SERVICE_POINTS } from './catalogue.js';
import { DEMO_TEMPLATES } from './demo-templates.js';
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

  it('has inboxes routing accepts: an external organisation on the external party alone, known service points', () => {
    const servicePoints = new Set(SERVICE_POINTS.map((p) => p.id));
    for (const inbox of INBOXES) {
      expect(saveInboxV1.request.safeParse(inbox).success).toBe(true);
      expect(servicePoints.has(inbox.servicePointId)).toBe(true);
      expect(inbox.externalOrganisationId !== null).toBe(inbox.kind === 'external_party');
    }
  });

  it('has templates that are valid saves naming only what the catalogue has', () => {
    const known: Record<string, Set<string>> = {
      caseTypeId: new Set(CASE_TYPES.map((c) => c.id)),
      categoryId: new Set(CATEGORIES.map((c) => c.id)),
      orgUnitId: new Set(ORG_UNITS.map((o) => o.id)),
      servicePointId: new Set(SERVICE_POINTS.map((p) => p.id)),
      inboxId: new Set(INBOXES.map((i) => i.id)),
    };
    for (const template of DEMO_TEMPLATES) {
      const parsed = saveTemplateV1.request.parse(template);
      for (const [field, ids] of Object.entries(known)) {
        const id = parsed[field as keyof typeof parsed] as string | null;
        if (id !== null) expect(ids.has(id)).toBe(true);
      }
    }
    const snow = saveTemplateV1.request.parse(DEMO_TEMPLATES.find((t) => t.id === 'snorojning-utebliven'));
    expect(snow).toMatchObject({ inboxId: 'snorojning-ab', defaultPriority: 'prioritised' });
    expect(snow.sla.resolutionHours).not.toBeNull();
  });
});
