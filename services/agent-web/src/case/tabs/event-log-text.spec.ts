import { type Translate, translate } from '../../messages';
import { changeFieldText, changeValueText, eventKindText } from './event-log-text';

const t: Translate = (key, values) => translate('sv', key, values);
const names = new Map([['0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a01', 'Anna Lindqvist']]);

describe('the event log in words', () => {
  it('names statuses, priorities, people and entries, and shows nothing as a dash', () => {
    expect(changeValueText(t, names, 'status', 'waiting_for_customer')).toBe('Väntar på kund');
    expect(changeValueText(t, names, 'priority', 'urgent')).toBe('Brådskande');
    expect(changeValueText(t, names, 'assignee', '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a01')).toBe('Anna Lindqvist');
    expect(changeValueText(t, names, 'entry', { id: 'x', kind: 'internal_note', visibility: 'staff' })).toBe(
      'Intern tjänsteanteckning',
    );
    expect(changeValueText(t, names, 'assignee', null)).toBe('–');
    expect(changeValueText(t, names, 'children', [])).toBe('–');
    expect(changeValueText(t, names, 'children', ['2026-000002', '2026-000003'])).toBe('2026-000002, 2026-000003');
    expect(changeValueText(t, names, 'secret', true)).toBe('Ja');
  });

  it('shows an unknown value, field or kind as it is', () => {
    expect(changeValueText(t, names, 'inbox', 'kundtjanst')).toBe('kundtjanst');
    expect(changeValueText(t, names, 'sla', { responseMinutes: 60 })).toBe('{"responseMinutes":60}');
    expect(changeFieldText(t, 'priority')).toBe('Prioritet');
    expect(changeFieldText(t, 'children')).toBe('Delärenden');
    expect(changeFieldText(t, 'somethingNew')).toBe('somethingNew');
    expect(eventKindText(t, 'assigned')).toBe('Tilldelat');
    expect(eventKindText(t, 'reopen-scheduled')).toBe('reopen-scheduled');
  });
});
