import { hrefOf, parseRoute } from '../router';

describe('the favourites route', () => {
  it('is /favourites both ways', () => {
    expect(parseRoute('/favourites')).toEqual({ page: 'favourites' });
    expect(hrefOf({ page: 'favourites' })).toBe('/favourites');
    expect(parseRoute('/favourites/x')).toEqual({ page: 'not-found' });
  });
});
