import { fillBody, fillPlaceholders, fillSubject } from './placeholders.js';

describe('fillPlaceholders', () => {
  it('fills the known placeholders and leaves the others', () => {
    expect(fillPlaceholders('Ärende {caseNumber} {okänd}', { caseNumber: '2026-000001' })).toBe(
      'Ärende 2026-000001 {okänd}',
    );
  });

  it('fills every occurrence, also when called again', () => {
    const values = { title: 'Gatlykta' };
    expect(fillPlaceholders('{title}/{title}', values)).toBe('Gatlykta/Gatlykta');
    expect(fillPlaceholders('{title}', values)).toBe('Gatlykta');
  });
});

describe('fillBody', () => {
  it('leaves no run of blank lines where a placeholder was empty', () => {
    expect(fillBody('För kännedom.\n\n{note}\n\n{details}\n', { note: '', details: 'Beskrivning' })).toBe(
      'För kännedom.\n\nBeskrivning\n',
    );
  });
});

describe('fillSubject', () => {
  it('puts the subject on one line', () => {
    expect(fillSubject('{title}\n  igen ', { title: 'Gatlykta' })).toBe('Gatlykta igen');
  });
});
