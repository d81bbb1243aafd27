/** A `{placeholder}` of a message template. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{placeholder}`s; an unknown one is left as it is. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** A filled body: an empty placeholder on a line of its own leaves no run of blank lines behind. */
export function fillBody(text: string, values: Record<string, string>): string {
  return `${fillPlaceholders(text, values)
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** A filled subject on one line. */
export function fillSubject(text: string, values: Record<string, string>): string {
  return fillPlaceholders(text, values).replace(/\s+/g, ' ').trim().slice(0, 900);
}
