import { defineEvent } from '../message.js';
import { TemplateSchema } from './routing.schemas.js';

export const templateSavedV1 = defineEvent({
  subject: 'routing.evt.template-saved.v1',
  data: TemplateSchema,
  example: {
    id: 'snorojning',
    title: 'Snöröjning',
    position: 0,
    active: true,
    caseTypeId: 'gata-park',
    categoryId: null,
    areaId: null,
    orgUnitId: null,
    servicePointId: null,
    answerGroupId: null,
    inboxId: 'snorojning-entreprenor',
    description: '',
    solutionText: '',
    alternativeSolutionTexts: [],
    sla: { responseMinutes: null, resolutionHours: 24, calendarId: null },
    defaultStatus: 'new',
    defaultPriority: 'prioritised',
    steps: [],
    closeAtOnce: false,
    alarm: { enabled: false, keywords: [] },
    rules: [{ name: 'Snö', conditions: [{ field: 'subject', match: 'keywords', keywords: ['snöröj*'] }] }],
    version: 1,
    updatedAt: '2026-11-23T09:00:00.000Z',
  },
  description: 'A template was created or changed (its full new state, rules included).',
});
