import { ApiError } from '../api';
import { fieldErrorsOf, problemOf } from './problem';

describe('fieldErrorsOf', () => {
  it('maps every kind of details the admin routes answer to the form’s field paths', () => {
    const invalid = new ApiError(422, 'SLA.CALENDAR_INVALID', 'The calendar definition is not valid', {
      fields: [
        { path: 'definition.weeklyHours.monday.0', message: 'an opening interval ends after it starts' },
        { path: 'name', message: 'Too small' },
      ],
    });
    expect(fieldErrorsOf(invalid, 'definition.')).toEqual({
      'weeklyHours.monday.0': 'an opening interval ends after it starts',
      name: 'Too small',
    });
    const unknown = new ApiError(422, 'ROUTING.REFERENCE_UNKNOWN', 'Unknown inbox x', {
      references: [{ field: 'inboxId', kind: 'inbox', id: 'x' }],
    });
    expect(fieldErrorsOf(unknown)).toEqual({ inboxId: 'inbox x?' });
    const shape = new ApiError(422, 'ROUTING.REFERENCE_INVALID', 'A personal inbox names its owner', {
      field: 'ownerId',
    });
    expect(fieldErrorsOf(shape)).toEqual({ ownerId: 'A personal inbox names its owner' });
    const rule = new ApiError(422, 'ROUTING.RULE_INVALID', 'Regular expression refused', {
      refused: [{ rule: 1, condition: 0, pattern: '(?=x)', error: 'invalid perl operator' }],
    });
    expect(fieldErrorsOf(rule)).toEqual({ 'rules.1.conditions.0.pattern': 'invalid perl operator' });
  });
});

describe('problemOf', () => {
  it('says a version conflict readably and offers to reload', () => {
    const conflict = new ApiError(409, 'ROUTING.VERSION_CONFLICT', 'Template x is at version 3, not 2', {
      currentVersion: 3,
    });
    expect(problemOf(conflict, 'en')).toEqual({
      message: 'Someone else changed this since you loaded it. Load it again and redo your change.',
      fields: {},
      conflict: true,
    });
  });

  it('points at the fields of an invalid request, and names a code it has no words for', () => {
    const invalid = new ApiError(400, 'REQUEST.INVALID', 'The request is not valid', {
      fields: [{ path: 'title', message: 'Too small' }],
    });
    expect(problemOf(invalid, 'sv')).toMatchObject({ message: 'Något fält är inte giltigt.', conflict: false });
    expect(problemOf(new ApiError(503, 'SERVICE.UNAVAILABLE', 'Down'), 'sv').message).toBe(
      'Down (SERVICE.UNAVAILABLE)',
    );
  });
});
