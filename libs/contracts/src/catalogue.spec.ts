import { CATALOGUE } from './catalogue.js';

describe('CATALOGUE', () => {
  it('has no subject twice', () => {
    const subjects = CATALOGUE.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it.each(CATALOGUE.map((m) => [m.subject, m] as const))(
    '%s: its example passes its own schema',
    (_subject, message) => {
      const schema = message.kind === 'event' ? message.data : message.request;
      const result = schema.safeParse(message.example);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(CATALOGUE.map((m) => [m.subject, m] as const))(
    '%s: its subject carries its owner and version',
    (subject, message) => {
      expect(subject.startsWith(`${message.owner}.${message.kind === 'event' ? 'evt' : 'rpc'}.`)).toBe(true);
      expect(subject.endsWith(`.v${message.version}`)).toBe(true);
    },
  );
});
