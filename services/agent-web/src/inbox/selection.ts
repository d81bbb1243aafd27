/** Which rows are selected, and the row a Shift-click ranges from. */
export interface Selection {
  selected: ReadonlySet<string>;
  anchor: string | undefined;
}

export const NO_SELECTION: Selection = { selected: new Set(), anchor: undefined };

/**
 * A click on a row, as in a file manager: alone it selects only that row, with Ctrl (or Cmd) it toggles the
 * row, with Shift it selects the range from the anchor (added to the selection with Ctrl too).
 */
export function clickRow(
  selection: Selection,
  order: readonly string[],
  row: string,
  keys: { ctrl: boolean; shift: boolean },
): Selection {
  if (keys.shift && selection.anchor !== undefined && order.includes(selection.anchor)) {
    const from = order.indexOf(selection.anchor);
    const to = order.indexOf(row);
    const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
    const selected = new Set(keys.ctrl ? selection.selected : []);
    for (const id of range) selected.add(id);
    return { selected, anchor: selection.anchor };
  }
  if (keys.ctrl) {
    const selected = new Set(selection.selected);
    if (selected.has(row)) selected.delete(row);
    else selected.add(row);
    return { selected, anchor: row };
  }
  return { selected: new Set([row]), anchor: row };
}

/** Keeps only rows still on the page (after a refetch). */
export function retainRows(selection: Selection, order: readonly string[]): Selection {
  const present = new Set(order);
  const selected = new Set([...selection.selected].filter((id) => present.has(id)));
  const anchor = selection.anchor !== undefined && present.has(selection.anchor) ? selection.anchor : undefined;
  return selected.size === selection.selected.size && anchor === selection.anchor ? selection : { selected, anchor };
}
