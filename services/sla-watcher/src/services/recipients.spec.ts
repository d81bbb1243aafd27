import { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import { customerServiceOf, distinctRecipients, handlerOf, parseSupervisors, supervisorOf } from './recipients.js';

function trackedCase(fields: Partial<TrackedCaseEntity>): TrackedCaseEntity {
  return Object.assign(
    new TrackedCaseEntity(),
    { inboxId: 'snorojning-ab', originInboxId: 'kundtjanst', assigneeId: null },
    fields,
  );
}

describe('recipients', () => {
  it('reminds the handling officer, or the inbox while the case has none', () => {
    expect(handlerOf(trackedCase({ assigneeId: 'erik' }))).toEqual({ kind: 'user', userId: 'erik' });
    expect(handlerOf(trackedCase({}))).toEqual({ kind: 'inbox', inboxId: 'snorojning-ab' });
  });

  it('tells customer service: the inbox the case came from, else the configured inbox, else the address', () => {
    const settings = { supervisors: new Map<string, string>(), customerServiceEmail: 'kt@kommun.example' };
    expect(customerServiceOf(trackedCase({}), settings)).toEqual({ kind: 'inbox', inboxId: 'kundtjanst' });
    const home = trackedCase({ inboxId: 'kundtjanst' });
    expect(customerServiceOf(home, settings)).toEqual({ kind: 'email', address: 'kt@kommun.example' });
    expect(customerServiceOf(home, { ...settings, customerServiceInboxId: 'kontaktcenter' })).toEqual({
      kind: 'inbox',
      inboxId: 'kontaktcenter',
    });
    expect(customerServiceOf(home, { ...settings, customerServiceInboxId: 'kundtjanst' })).toEqual({
      kind: 'email',
      address: 'kt@kommun.example',
    });
    expect(customerServiceOf(home, { supervisors: new Map() })).toBeNull();
  });

  it('escalates to the inbox supervisor, else the default supervisor, else the inbox the case came from', () => {
    const supervisors = parseSupervisors('snorojning-ab=chef@snorojning.example, kundtjanst=kt-chef@kommun.example');
    expect(supervisorOf(trackedCase({}), { supervisors })).toEqual({
      kind: 'email',
      address: 'chef@snorojning.example',
    });
    expect(supervisorOf(trackedCase({ inboxId: 'bygglov' }), { supervisors, supervisorEmail: 'c@k.example' })).toEqual({
      kind: 'email',
      address: 'c@k.example',
    });
    expect(supervisorOf(trackedCase({ inboxId: 'bygglov' }), { supervisors: new Map() })).toEqual({
      kind: 'inbox',
      inboxId: 'kundtjanst',
    });
  });

  it('names each recipient once', () => {
    expect(
      distinctRecipients([
        { kind: 'inbox', inboxId: 'a' },
        null,
        { kind: 'inbox', inboxId: 'a' },
        { kind: 'customer' },
      ]),
    ).toEqual([{ kind: 'inbox', inboxId: 'a' }, { kind: 'customer' }]);
  });
});
