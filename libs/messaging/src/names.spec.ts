import { MessagingNames } from './names.js';

describe(MessagingNames.name, () => {
  const names = new MessagingNames('t1a2b_');

  it('prefixes subjects and strips the prefix again', () => {
    expect(names.subject('case.evt.registered.v1')).toBe('t1a2b_case.evt.registered.v1');
    expect(names.unprefix('t1a2b_case.evt.registered.v1')).toBe('case.evt.registered.v1');
    expect(() => names.unprefix('case.evt.registered.v1')).toThrow(/prefix/);
  });

  it('names streams in upper case without dots', () => {
    expect(names.stream('case')).toBe('T1A2B_CASE');
    expect(names.streamSubjects('case')).toBe('t1a2b_case.evt.>');
    expect(new MessagingNames('t9.').stream('case')).toBe('T9_CASE');
    expect(new MessagingNames().stream('case')).toBe('CASE');
  });

  it('names dead letters per service and consumer', () => {
    expect(names.deadLetterSubject('routing', 'case-registered')).toBe('t1a2b_deadletter.routing.case-registered');
    expect(names.deadLetterStream).toBe('T1A2B_DEADLETTER');
  });

  it('rejects a prefix that would break subjects', () => {
    expect(() => new MessagingNames('a.b.')).toThrow();
    expect(() => new MessagingNames('x>')).toThrow();
  });
});
