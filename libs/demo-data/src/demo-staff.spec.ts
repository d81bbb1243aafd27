import { saveReferenceV1, saveStaffV1 } from '@arende/contracts';
import { ORG_UNITS } from './catalogue.js';
import { DEMO_STAFF, DEMO_UNITS, DIRECTORY_ORG_UNITS } from './demo-staff.js';

describe('demo staff directory', () => {
  it('has org units routing accepts, each unit under a department of the catalogue', () => {
    const departments = new Set(ORG_UNITS.map((unit) => unit.id));
    for (const unit of DIRECTORY_ORG_UNITS) {
      expect(saveReferenceV1.request.safeParse(unit).error?.issues ?? []).toEqual([]);
    }
    for (const unit of DEMO_UNITS) expect(departments.has(unit.departmentId)).toBe(true);
    const ids = DIRECTORY_ORG_UNITS.map((unit) => unit.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has valid people with unique ids and logins, each unit under their department', () => {
    const units = new Map(DEMO_UNITS.map((unit) => [unit.id, unit.departmentId]));
    const departments = new Set(ORG_UNITS.map((unit) => unit.id));
    for (const { id, ...person } of DEMO_STAFF) {
      expect(saveStaffV1.request.safeParse({ id, ...person }).error?.issues ?? []).toEqual([]);
      expect(departments.has(person.departmentId)).toBe(true);
      if (person.unitId) expect(units.get(person.unitId)).toBe(person.departmentId);
    }
    expect(DEMO_STAFF.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEMO_STAFF.map((p) => p.id)).size).toBe(DEMO_STAFF.length);
    const logins = DEMO_STAFF.flatMap((p) => (p.userName ? [p.userName] : []));
    expect(new Set(logins).size).toBe(logins.length);
  });
});
