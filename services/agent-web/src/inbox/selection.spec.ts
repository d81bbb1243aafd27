import { NO_SELECTION, clickRow, retainRows } from './selection';

const ORDER = ['a', 'b', 'c', 'd', 'e'];
const plain = { ctrl: false, shift: false };
const ctrl = { ctrl: true, shift: false };
const shift = { ctrl: false, shift: true };
const selected = (selection: { selected: ReadonlySet<string> }) => [...selection.selected].sort();

describe('clickRow', () => {
  it('selects one row on a plain click, toggles with Ctrl and ranges from the anchor with Shift', () => {
    let selection = clickRow(NO_SELECTION, ORDER, 'b', plain);
    expect(selected(selection)).toEqual(['b']);
    selection = clickRow(selection, ORDER, 'd', shift);
    expect(selected(selection)).toEqual(['b', 'c', 'd']);
    // Shift ranges from the same anchor again, upwards too, replacing the last range.
    selection = clickRow(selection, ORDER, 'a', shift);
    expect(selected(selection)).toEqual(['a', 'b']);
    selection = clickRow(selection, ORDER, 'e', ctrl);
    expect(selected(selection)).toEqual(['a', 'b', 'e']);
    selection = clickRow(selection, ORDER, 'a', ctrl);
    expect(selected(selection)).toEqual(['b', 'e']);
    expect(selected(clickRow(selection, ORDER, 'c', plain))).toEqual(['c']);
  });

  it('adds a Shift range to the selection with Ctrl held too', () => {
    let selection = clickRow(NO_SELECTION, ORDER, 'a', plain);
    selection = clickRow(selection, ORDER, 'd', ctrl);
    selection = clickRow(selection, ORDER, 'e', { ctrl: true, shift: true });
    expect(selected(selection)).toEqual(['a', 'd', 'e']);
  });

  it('treats Shift without an anchor on the page as a plain click', () => {
    const selection = clickRow({ selected: new Set(['x']), anchor: 'x' }, ORDER, 'c', shift);
    expect(selected(selection)).toEqual(['c']);
  });
});

describe('retainRows', () => {
  it('drops rows no longer on the page and keeps the same object when nothing changed', () => {
    const selection = { selected: new Set(['a', 'c']), anchor: 'c' };
    expect(retainRows(selection, ORDER)).toBe(selection);
    const kept = retainRows(selection, ['a', 'b']);
    expect(selected(kept)).toEqual(['a']);
    expect(kept.anchor).toBeUndefined();
  });
});
