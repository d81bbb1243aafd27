import type { CaseView } from '@arende/contracts';
import { ApiError } from '../api';
import { changedFields, draftOf, fieldErrorsOf, rebaseDraft } from './case-details';

const view = {
  number: '2026-000123',
  version: 3,
  title: 'Vattenläcka vid skolan',
  description: 'Det rinner.',
  channel: 'phone',
  caseTypeId: 'bygglov',
  categoryId: null,
  areaId: 'centrum',
  orgUnitId: null,
  customerWantsAnswer: true,
  secret: false,
  secrecyParagraph: null,
  personalData: false,
  eventAt: '2026-12-05T07:00:00.000Z',
} as unknown as CaseView;

describe('draftOf', () => {
  it('holds none as an empty string and the event time as Stockholm wall-clock time', () => {
    const draft = draftOf(view);
    expect(draft.categoryId).toBe('');
    expect(draft.secrecyParagraph).toBe('');
    expect(draft.eventAt).toBe('2026-12-05T08:00');
  });
});

describe('changedFields', () => {
  const base = draftOf(view);

  it('is empty when nothing changed', () => {
    expect(changedFields(base, { ...base })).toEqual({});
  });

  it('names only the changed fields, in the contract’s shapes', () => {
    expect(
      changedFields(base, { ...base, caseTypeId: 'hemtjanst', areaId: '', title: 'Ny rubrik', eventAt: '' }),
    ).toEqual({ caseTypeId: 'hemtjanst', areaId: null, title: 'Ny rubrik', eventAt: null });
    expect(changedFields(base, { ...base, eventAt: '2030-05-02T09:30', channel: 'email' })).toEqual({
      eventAt: '2030-05-02T07:30:00.000Z',
      channel: 'email',
    });
  });

  it('sends the secrecy paragraph with secrecy, trimmed, and clears it when secrecy is unticked', () => {
    const secret = { ...base, secret: true, secrecyParagraph: ' OSL 26 kap. 1 § ' };
    expect(changedFields(base, secret)).toEqual({ secret: true, secrecyParagraph: 'OSL 26 kap. 1 §' });
    expect(changedFields(base, { ...base, secrecyParagraph: 'typed, then unticked' })).toEqual({});
    const wasSecret = { ...base, secret: true, secrecyParagraph: 'OSL 26 kap. 1 §' };
    expect(changedFields(wasSecret, { ...wasSecret, secret: false })).toEqual({
      secret: false,
      secrecyParagraph: null,
    });
  });

  it('sends a date it cannot read as typed, for the API to refuse', () => {
    expect(changedFields(base, { ...base, eventAt: '2026-13' })).toEqual({ eventAt: '2026-13' });
  });
});

describe('rebaseDraft', () => {
  it('takes the new values of the fields the agent left alone and keeps the agent’s own changes', () => {
    const oldBase = draftOf(view);
    const newBase = { ...oldBase, description: 'Ändrad av någon annan', title: 'Annan rubrik' };
    const draft = { ...oldBase, title: 'Min rubrik', personalData: true };
    expect(rebaseDraft(oldBase, newBase, draft)).toEqual({
      ...oldBase,
      description: 'Ändrad av någon annan',
      title: 'Min rubrik',
      personalData: true,
    });
  });
});

describe('fieldErrorsOf', () => {
  it('puts the refused fields of the changes under the form’s names, others under the empty key', () => {
    const error = new ApiError(400, 'REQUEST.INVALID', 'Invalid', {
      fields: [
        { path: 'changes.title', message: 'Too small' },
        { path: 'changes.title', message: 'Bad' },
        { path: 'version', message: 'Required' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ title: 'Too small; Bad', '': 'Required' });
  });

  it('is empty for other errors', () => {
    expect(fieldErrorsOf(new ApiError(409, 'CASE.VERSION_CONFLICT', 'Stale'))).toEqual({});
    expect(fieldErrorsOf(new Error('network'))).toEqual({});
  });
});
