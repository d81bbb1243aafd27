import { rememberedTab, tabIndexForKey } from './tab-keys';

describe('tabIndexForKey', () => {
  it('moves right and left, wrapping round at both ends', () => {
    expect(tabIndexForKey('ArrowRight', 0, 5)).toBe(1);
    expect(tabIndexForKey('ArrowRight', 4, 5)).toBe(0);
    expect(tabIndexForKey('ArrowLeft', 3, 5)).toBe(2);
    expect(tabIndexForKey('ArrowLeft', 0, 5)).toBe(4);
  });

  it('goes to the first with Home and the last with End', () => {
    expect(tabIndexForKey('Home', 3, 5)).toBe(0);
    expect(tabIndexForKey('End', 1, 5)).toBe(4);
  });

  it('leaves other keys alone, and an empty tab list', () => {
    expect(tabIndexForKey('ArrowDown', 1, 5)).toBeUndefined();
    expect(tabIndexForKey('Enter', 1, 5)).toBeUndefined();
    expect(tabIndexForKey('ArrowRight', 0, 0)).toBeUndefined();
  });
});

describe('rememberedTab', () => {
  const ids = ['customer', 'warnings', 'notes'];

  it('keeps a remembered tab that still exists', () => {
    expect(rememberedTab('notes', ids)).toBe('notes');
  });

  it('falls back to the first tab when nothing or an unknown tab is remembered', () => {
    expect(rememberedTab(null, ids)).toBe('customer');
    expect(rememberedTab('map', ids)).toBe('customer');
  });
});
