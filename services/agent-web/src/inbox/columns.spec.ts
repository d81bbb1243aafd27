import { ALL_COLUMNS, DEFAULT_COLUMNS, FIXED_COLUMN, columnsStorageKey, parseColumns, toggleColumn } from './columns';

describe('column settings', () => {
  it('gives the defaults for nothing stored or something unreadable', () => {
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('not json')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{"title":true}')).toEqual(DEFAULT_COLUMNS);
    expect(DEFAULT_COLUMNS).not.toContain('caseType');
  });

  it('reads a stored choice in table order, dropping unknown columns and keeping the number', () => {
    expect(parseColumns(JSON.stringify(['registeredAt', 'bogus', 'title']))).toEqual([
      'number',
      'title',
      'registeredAt',
    ]);
  });

  it('hides and shows a column in its place, never the number', () => {
    const hidden = toggleColumn(DEFAULT_COLUMNS, 'channel');
    expect(hidden).not.toContain('channel');
    expect(toggleColumn(hidden, 'channel')).toEqual(DEFAULT_COLUMNS);
    expect(toggleColumn(hidden, 'caseType').indexOf('caseType')).toBe(hidden.indexOf('priority') + 1);
    expect(toggleColumn(DEFAULT_COLUMNS, FIXED_COLUMN)).toEqual(DEFAULT_COLUMNS);
  });

  it('round-trips through storage and keeps one key per user', () => {
    const chosen = toggleColumn(ALL_COLUMNS, 'status');
    expect(parseColumns(JSON.stringify(chosen))).toEqual(chosen);
    expect(columnsStorageKey('anna')).not.toBe(columnsStorageKey('bertil'));
  });
});
