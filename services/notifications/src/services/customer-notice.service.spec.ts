import { expectedFeedback } from './customer-notice.service.js';

describe('expectedFeedback', () => {
  it('counts office hours, skipping the weekend and holidays', () => {
    // Friday 2026-12-18 15:00 local + 16 office hours: 2 h on Friday, 9 h Monday, 5 h Tuesday.
    expect(expectedFeedback(new Date('2026-12-18T14:00:00Z'), 16)).toBe('22 december 2026');
    // Wednesday 2026-12-23 16:00 + 2 hours: julafton, juldagen, annandag jul and the weekend are closed.
    expect(expectedFeedback(new Date('2026-12-23T15:00:00Z'), 2)).toBe('28 december 2026');
  });
});
