import { errorMessage, translate } from './messages';

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
});
