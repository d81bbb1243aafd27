import { ApiError } from './api';
import { errorText } from './error-text';

describe('errorText', () => {
  it('gives the dictionary’s message for a known code, in the chosen language', () => {
    const error = new ApiError(422, 'CASE.INBOX_KIND_MISMATCH', 'Inbox x is a work_group');
    expect(errorText('sv', error)).toBe('Inkorgen är av ett annat slag än det du valde.');
    expect(errorText('en', error)).toBe('The inbox is of another kind than the one you chose.');
  });

  it('names the fields a REQUEST.INVALID refused', () => {
    const error = new ApiError(400, 'REQUEST.INVALID', 'Invalid request', {
      fields: [{ path: 'to.email', message: 'Invalid email address' }],
    });
    expect(errorText('sv', error)).toBe('Kontrollera fälten: to.email: Invalid email address');
  });

  it('falls back to the API’s own words and code', () => {
    expect(errorText('en', new ApiError(500, 'INTERNAL', 'Something broke'))).toBe('Something broke (INTERNAL)');
    expect(errorText('en', new ApiError(409, 'NO.SUCH_CODE', 'Odd conflict'))).toBe('Odd conflict (NO.SUCH_CODE)');
    expect(errorText('en', new ApiError(400, 'REQUEST.INVALID', 'Invalid request'))).toBe(
      'Invalid request (REQUEST.INVALID)',
    );
  });
});
