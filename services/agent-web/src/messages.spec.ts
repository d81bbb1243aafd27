import { MESSAGE_AREAS, errorMessage, translate } from './messages';

describe('translate', () => {
  it('fills in values and speaks the chosen language', () => {
    expect(translate('sv', 'inbox.selected', { count: 3 })).toBe('3 markerade');
    expect(translate('en', 'inbox.selected', { count: 3 })).toBe('3 selected');
  });

  it('leaves a placeholder without a value visible rather than guessing', () => {
    expect(translate('sv', 'inbox.page')).toBe('Sida {page}');
  });

  it('has messages for known error codes only', () => {
    expect(errorMessage('sv', 'CASE.LOCKED')).toBe('Ärendet är låst av någon annan.');
    expect(errorMessage('sv', 'NO.SUCH_CODE')).toBeUndefined();
  });

  it('has each key in one area only, in both languages', () => {
    const keys = MESSAGE_AREAS.flatMap((area) => Object.keys(area.sv));
    expect(keys.length).toBe(new Set(keys).size);
    for (const area of MESSAGE_AREAS) expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.sv).sort());
  });
});
