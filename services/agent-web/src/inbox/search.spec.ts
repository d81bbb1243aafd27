import { NO_SEARCH, apiFilters, parseSearch, searchQuery, withSavedSearch, withoutSavedSearch } from './search';

describe('the search in the URL', () => {
  it('round-trips a search through its query', () => {
    const search = {
      statuses: ['new' as const, 'open' as const],
      assignee: 'me',
      sort: 'status' as const,
      group: 'priority' as const,
    };
    expect(searchQuery(search)).toBe('?status=new%2Copen&assignee=me&sort=status&group=priority');
    expect(parseSearch(searchQuery(search))).toEqual(search);
  });

  it('is empty for no search and leaves unknown values out', () => {
    expect(searchQuery(NO_SEARCH)).toBe('');
    expect(parseSearch('')).toEqual(NO_SEARCH);
    expect(parseSearch('?status=new,bogus,new&sort=title&group=colour')).toEqual({
      statuses: ['new'],
      sort: 'priority',
    });
  });

  it('asks the API for the signed-in agent when the search says "mine"', () => {
    expect(apiFilters({ ...NO_SEARCH, assignee: 'me' }, 'sub-anna').toString()).toBe('assigneeId=sub-anna');
    expect(apiFilters({ ...NO_SEARCH, assignee: 'none', statuses: ['parked'] }, 'x').toString()).toBe(
      'status=parked&assigneeId=none',
    );
  });
});

describe('saved searches', () => {
  const at = '2026-12-03T10:00:00.000Z';
  const invoices = { name: 'Öppna fakturaärenden', inboxId: 'kundtjanst', query: '?status=open', savedAt: at };

  it('keeps them in name order, a new one of the same name in any case replacing the old', () => {
    let list = withSavedSearch([], invoices);
    list = withSavedSearch(list, { name: 'Brådskande', inboxId: 'kundtjanst', query: '?group=priority', savedAt: at });
    expect(list.map((s) => s.name)).toEqual(['Brådskande', 'Öppna fakturaärenden']);
    list = withSavedSearch(list, { ...invoices, name: 'öppna FAKTURAÄRENDEN', query: '?status=new' });
    expect(list).toHaveLength(2);
    expect(list[1]).toEqual({ ...invoices, name: 'öppna FAKTURAÄRENDEN', query: '?status=new' });
    expect(withoutSavedSearch(list, 'brådskande').map((s) => s.name)).toEqual(['öppna FAKTURAÄRENDEN']);
  });
});
