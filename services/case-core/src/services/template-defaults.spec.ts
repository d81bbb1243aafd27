import { type Template, TemplateSchema, templateSavedV1 } from '@arende/contracts';
import { applyTemplate, slaOf } from './template-defaults.js';

const template: Template = TemplateSchema.parse({
  ...templateSavedV1.example,
  id: 'snorojning',
  title: 'Snöröjning',
  caseTypeId: 'snorojning',
  categoryId: 'gata-park',
  areaId: 'solna-norra',
  orgUnitId: 'stadsbyggnad',
  servicePointId: 'kundtjanst',
  inboxId: 'snorojning-ab',
  description: 'Snö eller is som inte är röjd.',
  defaultStatus: 'open',
  defaultPriority: 'prioritised',
  sla: {
    responseMinutes: 120,
    resolutionHours: 24,
    calendarId: 'kontorstid',
    feedbackHours: null,
    customerReminderDays: null,
    closeUnansweredDays: null,
    acknowledgeMinutes: null,
    customerContactMinutes: null,
  },
});

describe('applyTemplate', () => {
  it('fills every field the registration leaves out', () => {
    expect(applyTemplate({ title: 'Ej plogat' }, template, 'snorojning-ab')).toEqual({
      title: 'Ej plogat',
      templateId: 'snorojning',
      caseTypeId: 'snorojning',
      categoryId: 'gata-park',
      areaId: 'solna-norra',
      orgUnitId: 'stadsbyggnad',
      servicePointId: 'kundtjanst',
      inboxId: 'snorojning-ab',
      externalOrganisationId: 'snorojning-ab',
      description: 'Snö eller is som inte är röjd.',
      status: 'open',
      priority: 'prioritised',
      sla: template.sla,
    });
  });

  it('keeps what the registration gives, null included', () => {
    const applied = applyTemplate(
      {
        title: 'Ej plogat',
        caseTypeId: null,
        priority: 'urgent',
        status: 'new',
        inboxId: 'kundtjanst',
        description: '',
      },
      template,
    );
    expect(applied).toMatchObject({
      caseTypeId: null,
      priority: 'urgent',
      status: 'new',
      inboxId: 'kundtjanst',
      description: '',
      categoryId: 'gata-park',
    });
  });

  it('leaves the status to the registration when the template starts cases parked', () => {
    expect(applyTemplate({ title: 'x' }, { ...template, defaultStatus: 'parked' }).status).toBeUndefined();
  });

  it('leaves the inbox out when the template names none', () => {
    expect(applyTemplate({ title: 'x' }, { ...template, inboxId: null }).inboxId).toBeUndefined();
  });
});

describe('slaOf', () => {
  const none = {
    responseMinutes: null,
    resolutionHours: null,
    calendarId: null,
    feedbackHours: null,
    customerReminderDays: null,
    closeUnansweredDays: null,
    acknowledgeMinutes: null,
    customerContactMinutes: null,
  };

  it('is null when the template sets no target', () => {
    expect(slaOf({ sla: none })).toBeNull();
  });

  it('keeps a partial target', () => {
    expect(slaOf({ sla: { ...none, resolutionHours: 8 } })).toEqual({ ...none, resolutionHours: 8 });
    expect(slaOf({ sla: { ...none, closeUnansweredDays: 14 } })).toEqual({ ...none, closeUnansweredDays: 14 });
    expect(slaOf({ sla: { ...none, acknowledgeMinutes: 30 } })).toEqual({ ...none, acknowledgeMinutes: 30 });
  });
});
