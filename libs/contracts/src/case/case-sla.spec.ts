import { CaseViewSchema, exampleCase } from './case.schemas.js';
import { caseRegisteredV1 } from './case-registered.v1.js';

describe('CaseViewSchema sla', () => {
  it('reads a case from before the SLA target existed as having none', () => {
    const { sla: _sla, ...older } = exampleCase;
    expect(CaseViewSchema.parse(older).sla).toBeNull();
    expect(caseRegisteredV1.data.parse(older).sla).toBeNull();
  });

  it('keeps a target and refuses a non-positive one', () => {
    const sla = {
      responseMinutes: 240,
      resolutionHours: 24,
      calendarId: null,
      feedbackHours: 8,
      customerReminderDays: 7,
      closeUnansweredDays: 14,
      acknowledgeMinutes: 30,
      customerContactMinutes: null,
    };
    expect(CaseViewSchema.parse({ ...exampleCase, sla }).sla).toEqual(sla);
    // A target from before the follow-up limits existed reads them as unset.
    const { acknowledgeMinutes: _a, customerContactMinutes: _c, ...older } = sla;
    expect(CaseViewSchema.parse({ ...exampleCase, sla: older }).sla).toEqual({
      ...sla,
      acknowledgeMinutes: null,
      customerContactMinutes: null,
    });
    expect(CaseViewSchema.safeParse({ ...exampleCase, sla: { ...sla, responseMinutes: 0 } }).success).toBe(false);
  });
});
