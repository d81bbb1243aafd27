import { TrackedCaseEntity } from '../entities/tracked-case.entity.js';
import { reminderText } from './reminder-texts.js';

const c = Object.assign(new TrackedCaseEntity(), { number: '2026-000123', title: 'Snö ej röjd' });
const deadline = new Date('2026-11-23T09:00:00.000Z');

describe('reminderText', () => {
  it('says what is due in Swedish, with the deadline in Stockholm time', () => {
    expect(reminderText('acknowledgement', 'reminder', c, deadline, {})).toBe(
      'Ärende 2026-000123 är inte kvitterat. Det skulle ha kvitterats senast 2026-11-23 10:00.',
    );
    expect(reminderText('customer_reply', 'reminder', c, deadline, {})).toBe(
      'Vi väntar fortfarande på ditt svar i ärende 2026-000123: Snö ej röjd.',
    );
  });

  it('marks an escalation and says when the ignored reminder went out', () => {
    expect(reminderText('resolution', 'escalation', c, deadline, { remindedAt: '2026-11-23T09:00:00.000Z' })).toBe(
      'Eskalering: Ärende 2026-000123 är inte löst. Tidsgränsen var 2026-11-23 10:00. ' +
        'Ingen har åtgärdat det efter påminnelsen 2026-11-23 10:00.',
    );
  });

  it('names the watched event of a watch', () => {
    expect(reminderText('watch', 'notice', c, deadline, { watchKind: 'customer_reply' })).toBe(
      'Bevakning av ärende 2026-000123: kunden har svarat.',
    );
  });
});
